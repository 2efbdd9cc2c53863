package dev.panorama.interaction.timeline.rest;

import dev.panorama.interaction.correction.Correction;
import dev.panorama.interaction.correction.CorrectionService;
import dev.panorama.interaction.timeline.InteractionView;
import dev.panorama.interaction.timeline.TimelineQueries;
import dev.panorama.kit.problem.StrictJson;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/interactions/{interactionId}")
@Produces(MediaType.APPLICATION_JSON)
@CustomDeserialization(StrictJson.class)
public class InteractionResource {

    private final TimelineQueries queries;
    private final CorrectionService corrections;
    private final SecurityIdentity caller;

    public InteractionResource(TimelineQueries queries, CorrectionService corrections, SecurityIdentity caller) {
        this.queries = queries;
        this.corrections = corrections;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "One contact with every version of it")
    @APIResponse(responseCode = "200", description = "The contact; versions oldest first, the last is current")
    @APIResponse(responseCode = "404", description = "No such interaction")
    @APIResponse(responseCode = "410", description = "Its customer was erased; only an anonymous tombstone is left")
    public Uni<InteractionView> interaction(@PathParam("interactionId") UUID id) {
        return queries.interaction(id).map(InteractionView::of);
    }

    @POST
    @Path("/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "supervisor"})
    @Operation(summary = "Correct a contact's disposition or tags, or add an internal note",
            description = "Appends a version; the earlier ones stay. InteractionUpdated is published on panorama.interactions.")
    @APIResponse(responseCode = "201", description = "The contact with its new version")
    @APIResponse(responseCode = "400", description = "Invalid correction: problem details name each field")
    @APIResponse(responseCode = "404", description = "No such interaction")
    @APIResponse(responseCode = "409", description = "expectedVersion is not the current version")
    @APIResponse(responseCode = "410", description = "Its customer was erased")
    public Uni<Response> correct(@PathParam("interactionId") UUID id, @Valid @NotNull Correction correction) {
        return corrections.correct(id, correction, caller.getPrincipal().getName())
                .map(corrected -> Response.status(Response.Status.CREATED).entity(InteractionView.of(corrected)).build());
    }
}
