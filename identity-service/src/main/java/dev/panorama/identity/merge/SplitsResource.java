package dev.panorama.identity.merge;

import dev.panorama.kit.problem.StrictJson;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/splits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"data-steward", "admin"})
@CustomDeserialization(StrictJson.class)
// a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
@Cancellable(false)
public class SplitsResource {

    private final SplitService splits;
    private final UndoService undos;
    private final OutboxRelay relay;
    private final SecurityIdentity identity;

    public SplitsResource(SplitService splits, UndoService undos, OutboxRelay relay, SecurityIdentity identity) {
        this.splits = splits;
        this.undos = undos;
        this.relay = relay;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Split records off a customer into a new customer",
            description = "Every version of each named record moves, so its history follows. Publishes CustomerSplit.")
    @APIResponse(responseCode = "201", description = "Split: the new customer and the records that moved")
    @APIResponse(responseCode = "400", description = "Invalid request (problem details naming the fields)")
    @APIResponse(responseCode = "404", description = "No such customer (customer-not-found)")
    @APIResponse(responseCode = "409", description = "The customer was merged (customer-already-merged) or erased (customer-erased)"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    @APIResponse(responseCode = "422", description = "No record, every record, or a record of another customer (split-refused)")
    public Uni<Response> split(@Valid @NotNull SplitRequest request) {
        return splits.split(request.customerId(), request.recordIds(), request.reason().strip(), StewardIdentity.of(identity))
                .invoke(relay::nudge)
                .map(SplitView::of)
                .map(split -> Response.created(URI.create("/api/v1/identity/customers/" + split.newCustomerId())).entity(split).build());
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo a split",
            description = "The records go back to the original customer and the split's new customer is merged into it."
                    + " Publishes CustomersMerged.")
    @APIResponse(responseCode = "200", description = "Undone: the undo as a history entry")
    @APIResponse(responseCode = "404", description = "No such split")
    @APIResponse(responseCode = "409", description = "Already undone, or a later change makes it unsafe (undo-refused)"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    public Uni<ChangeView> undo(@PathParam("id") UUID id) {
        return undos.undoSplit(id, StewardIdentity.of(identity))
                .invoke(relay::nudge)
                .map(change -> ChangeView.of(change, null));
    }
}
