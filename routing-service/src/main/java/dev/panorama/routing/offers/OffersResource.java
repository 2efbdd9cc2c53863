package dev.panorama.routing.offers;

import dev.panorama.routing.agents.Caller;
import dev.panorama.routing.tasks.TaskView;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An agent answers an offer made to it. */
@Path("/api/v1/routing/offers/{offerId}")
@RolesAllowed({"agent", "admin"})
public class OffersResource {

    private final OfferAnswers answers;
    private final SecurityIdentity identity;

    public OffersResource(OfferAnswers answers, SecurityIdentity identity) {
        this.answers = answers;
        this.identity = identity;
    }

    @POST
    @Path("/acceptance")
    @Operation(summary = "Accept: the task is the caller's (ASSIGNED)")
    @APIResponse(responseCode = "200", description = "The assigned task")
    @APIResponse(responseCode = "403", description = "Offered to another agent")
    @APIResponse(responseCode = "404", description = "No such offer")
    @APIResponse(responseCode = "409", description = "Expired (offer-expired), or already answered or withdrawn (offer-closed)")
    public Uni<TaskView> accept(@PathParam("offerId") UUID offerId) {
        return answers.accept(Caller.of(identity), offerId);
    }

    @POST
    @Path("/rejection")
    @Operation(summary = "Reject: the task goes to the next agent")
    @APIResponse(responseCode = "200", description = "The closed offer")
    @APIResponse(responseCode = "403", description = "Offered to another agent")
    @APIResponse(responseCode = "404", description = "No such offer")
    @APIResponse(responseCode = "409", description = "Expired, or already answered or withdrawn")
    public Uni<OfferView> reject(@PathParam("offerId") UUID offerId) {
        return answers.reject(Caller.of(identity), offerId);
    }
}
