package dev.panorama.identity.records;

import dev.panorama.identity.resolution.RecordResolution;
import dev.panorama.identity.resolution.ResolutionService;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/records")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@CustomDeserialization(StrictJson.class)
// a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
@Cancellable(false)
public class RecordsResource {

    private final ResolutionService resolution;
    private final OutboxRelay relay;

    public RecordsResource(ResolutionService resolution, OutboxRelay relay) {
        this.resolution = resolution;
        this.relay = relay;
    }

    @POST
    @RolesAllowed({"backoffice-system", "channel-adapter", "admin"})
    @Operation(summary = "Store a source record and resolve it to a customer",
            description = "Idempotent on sourceSystem + sourceId: the same content again changes nothing; changed content is"
                    + " stored as a new version linked to the same customer, the old version kept.")
    @APIResponse(responseCode = "201", description = "Stored; the body names the customer and the decision (NEW, MATCHED, POSSIBLE)")
    @APIResponse(responseCode = "200", description = "Already stored with this content; the original answer")
    @APIResponse(responseCode = "400", description = "Invalid record (problem details naming the fields)")
    @APIResponse(responseCode = "409", description = "Changes to the customers it matched kept getting in the way on every"
            + " attempt (concurrent-change, with Retry-After): nothing was stored; send it again")
    public Uni<Response> store(@Valid @NotNull SourceRecordRequest request) {
        return resolution.ingest(SourceRecordMapper.toSourceRecord(request, Instant.now())).map(this::relayAndRespond);
    }

    /** One step rather than two: each step of the chain costs a capture and a restore of the request's context. */
    private Response relayAndRespond(RecordResolution resolved) {
        relay.nudge();
        return respond(resolved);
    }

    private static Response respond(RecordResolution resolved) {
        if (!resolved.stored()) {
            return Response.ok(resolved).build();
        }
        return Response.created(URI.create("/api/v1/identity/customers/" + resolved.customerId())).entity(resolved).build();
    }
}
