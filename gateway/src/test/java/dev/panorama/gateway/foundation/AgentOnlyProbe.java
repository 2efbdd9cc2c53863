package dev.panorama.gateway.foundation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoint for {@link dev.panorama.devstack.test.ServiceEdgeContract}. */
@Path("/api/v1/gateway/_probe")
@RolesAllowed("agent")
public class AgentOnlyProbe {

    @Inject
    SecurityIdentity identity;

    public record Note(@NotBlank String note) {
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String whoAmI() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public String echo(@Valid Note note) {
        return note.note();
    }
}
