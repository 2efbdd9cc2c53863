package dev.panorama.routing.statistics;

import dev.panorama.routing.agents.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Historical routing performance per queue and agent for supervisors, and each agent's own history. */
@Path("/api/v1/routing/statistics")
public class StatisticsResource {

    private final StatisticsStore store;
    private final SecurityIdentity identity;

    public StatisticsResource(StatisticsStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    /** Historical figures: the question as understood, and one row per key and bucket that has any figure. */
    public record History(StatisticsRange range, List<Bucket> items) {
    }

    @GET
    @Path("/queues")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Per queue and bucket: handled, average and p90 wait, average handle time, abandoned, expired, offers")
    @APIResponse(responseCode = "400", description = "from or to missing or unreadable, to not after from, range too long, unknown interval")
    public Uni<History> queues(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval, @QueryParam("queue") String queue) {
        StatisticsRange range = StatisticsRange.of(from, to, interval);
        return store.history(StatisticsStore.By.QUEUE, range, queue).map(items -> new History(range, items));
    }

    @GET
    @Path("/agents")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Per agent and bucket: handled, average and p90 wait, average handle time, offers and their answers")
    @APIResponse(responseCode = "400", description = "from or to missing or unreadable, to not after from, range too long, unknown interval")
    public Uni<History> agents(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("interval") String interval, @QueryParam("agent") String agent) {
        StatisticsRange range = StatisticsRange.of(from, to, interval);
        return store.history(StatisticsStore.By.AGENT, range, agent).map(items -> new History(range, items));
    }

    @GET
    @Path("/agents/me")
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "The caller's own figures per bucket")
    @APIResponse(responseCode = "400", description = "from or to missing or unreadable, to not after from, range too long, unknown interval")
    public Uni<History> mine(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("interval") String interval) {
        StatisticsRange range = StatisticsRange.of(from, to, interval);
        return store.history(StatisticsStore.By.AGENT, range, Caller.of(identity).name()).map(items -> new History(range, items));
    }
}
