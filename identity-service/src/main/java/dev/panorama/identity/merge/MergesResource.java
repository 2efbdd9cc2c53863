package dev.panorama.identity.merge;

import dev.panorama.kit.problem.InvalidInputException;
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
import java.util.HashSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/merges")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"data-steward", "admin"})
@CustomDeserialization(StrictJson.class)
// a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
@Cancellable(false)
public class MergesResource {

    private final MergeService merges;
    private final UndoService undos;
    private final OutboxRelay relay;
    private final SecurityIdentity identity;

    public MergesResource(MergeService merges, UndoService undos, OutboxRelay relay, SecurityIdentity identity) {
        this.merges = merges;
        this.undos = undos;
        this.relay = relay;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Merge customers into a survivor",
            description = "The merged customers keep their ids (status MERGED, pointing at the survivor); their records move"
                    + " to the survivor. Publishes CustomersMerged.")
    @APIResponse(responseCode = "201", description = "Merged: the merge with the records that moved")
    @APIResponse(responseCode = "400", description = "Invalid request (problem details naming the fields)")
    @APIResponse(responseCode = "404", description = "A customer does not exist (customer-not-found)")
    @APIResponse(responseCode = "409", description = "A customer was already merged (customer-already-merged) or erased (customer-erased)"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    @APIResponse(responseCode = "422", description = "Merge protection keeps them apart (merge-protected); an admin may override")
    public Uni<Response> merge(@Valid @NotNull MergeRequest request) {
        if (request.mergedIds().contains(request.survivorId())) {
            throw InvalidInputException.field("mergedIds", "must not contain the survivor");
        }
        if (new HashSet<>(request.mergedIds()).size() < request.mergedIds().size()) {
            throw InvalidInputException.field("mergedIds", "names a customer twice");
        }
        return merges.merge(request.survivorId(), request.mergedIds(), request.reason().strip(), request.overrides(),
                        StewardIdentity.of(identity))
                .invoke(relay::nudge)
                .map(change -> Response.created(URI.create("/api/v1/identity/customers/" + request.survivorId() + "/history"))
                        .entity(MergeView.of(change)).build());
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo a merge",
            description = "Each merged customer is active again with exactly the records it had before the merge; records that"
                    + " reached the survivor since stay with it. Publishes CustomerSplit for each.")
    @APIResponse(responseCode = "200", description = "Undone: the undo as a history entry")
    @APIResponse(responseCode = "404", description = "No such merge")
    @APIResponse(responseCode = "409", description = "Already undone, or a later change makes it unsafe (undo-refused)"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    public Uni<ChangeView> undo(@PathParam("id") UUID id) {
        return undos.undoMerge(id, StewardIdentity.of(identity))
                .invoke(relay::nudge)
                .map(change -> ChangeView.of(change, null));
    }
}
