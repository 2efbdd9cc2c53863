package dev.panorama.profile.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/profiles/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class RebuildResource {

    private final ProfileRebuild rebuild;

    public RebuildResource(ProfileRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every profile from the retained topics",
            description = "Drops the profiles and replays every retained identity, source-record, back-office, interaction and"
                    + " routing event; new events keep being applied meanwhile. Profiles are incomplete until it is done;"
                    + " the read audit log is kept.")
    @APIResponse(responseCode = "202", description = "Started; the body is the progress, GET follows it")
    @APIResponse(responseCode = "409", description = "A rebuild is running")
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "How far the rebuild is")
    @APIResponse(responseCode = "200", description = "State, events to replay, replayed and refused")
    public RebuildProgress progress() {
        return rebuild.progress();
    }
}
