package dev.panorama.identity.training;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/model")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelTraining training;
    private final ModelVersions versions;
    private final SecurityIdentity caller;

    public ModelResource(ModelTraining training, ModelVersions versions, SecurityIdentity caller) {
        this.training = training;
        this.versions = versions;
        this.caller = caller;
    }

    /** A page of model versions, newest first, and the cursor of the next page (absent on the last). */
    public record Page(List<ModelVersion> items, Integer nextCursor) {
    }

    @GET
    @RolesAllowed({"supervisor", "data-steward", "admin"})
    @Operation(summary = "The match model in use: every field's comparison levels with m, u and weight")
    @APIResponse(responseCode = "200", description = "The active version")
    public Uni<ModelVersion> active() {
        return versions.active();
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @POST
    @Path("/train")
    @RolesAllowed({"data-steward", "admin"})
    @Operation(summary = "Estimate a new model version from the stored records by EM",
            description = "Samples candidate pairs (records sharing a blocking key), estimates m and u by EM starting from"
                    + " the priors, and stores the result as a new version. It becomes active only when EM converged and the"
                    + " model passes its plausibility check; otherwise its problems say why. The schedule does the same when"
                    + " the active model is older than panorama.identity.training.every.")
    @APIResponse(responseCode = "201", description = "The new version (active or not)")
    @APIResponse(responseCode = "409", description = "Another training is running")
    @APIResponse(responseCode = "422", description = "Too few candidate pairs stored to estimate a model")
    public Uni<Response> train() {
        return training.train(caller.getPrincipal().getName())
                .map(version -> Response.created(URI.create("/api/v1/identity/model/versions/" + version.version()))
                        .entity(version).build());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"supervisor", "data-steward", "admin"})
    @Operation(summary = "Every version of the model, newest first")
    @APIResponse(responseCode = "200", description = "A page of versions; pass nextCursor as cursor for the next")
    public Uni<Page> list(@QueryParam("cursor") @Min(0) Integer cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        int before = cursor == null ? Integer.MAX_VALUE : cursor;
        return versions.versions(before, limit).map(page -> new Page(page,
                page.size() < limit ? null : page.getLast().version()));
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({"supervisor", "data-steward", "admin"})
    @Operation(summary = "One version of the model")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version")
    public Uni<ModelVersion> version(@PathParam("version") int version) {
        return versions.version(version);
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @POST
    @Path("/versions/{version}/activation")
    @RolesAllowed({"data-steward", "admin"})
    @Operation(summary = "Make a version the active one (e.g. go back to an earlier model)")
    @APIResponse(responseCode = "200", description = "The version, now active; every replica uses it within its refresh interval")
    @APIResponse(responseCode = "404", description = "No such version")
    @APIResponse(responseCode = "422", description = "The version failed its plausibility check")
    public Uni<ModelVersion> activate(@PathParam("version") int version) {
        return versions.activate(version);
    }
}
