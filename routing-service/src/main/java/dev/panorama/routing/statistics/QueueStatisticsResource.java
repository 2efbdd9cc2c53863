package dev.panorama.routing.statistics;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every queue right now, for supervisors. */
@Path("/api/v1/routing/queues/statistics")
@RolesAllowed({"supervisor", "admin"})
public class QueueStatisticsResource {

    private final StatisticsStore store;
    private final Clock clock;

    public QueueStatisticsResource(StatisticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A list as the console reads it. */
    public record Items<T>(List<T> items) {
    }

    @GET
    @Operation(summary = "Every queue right now: waiting, oldest wait, offered, in progress, agents available, SLA met in the"
            + " last 15 minutes, completed and abandoned today")
    public Uni<Items<QueueNow>> queuesNow() {
        return store.queuesNow(clock.instant()).map(Items::new);
    }
}
