package dev.panorama.interaction.resolution;

import dev.panorama.events.channel.Channel;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** identity-service's resolve endpoint, called with this service's client-credentials token. Use {@link CustomerResolver}. */
@RegisterRestClient(configKey = "identity")
@OidcClientFilter
@Path("/api/v1/identity/resolve")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IdentityApi {

    /** identity-service's {@code ResolveResource.Sender}. */
    record SenderRequest(Channel channel, String address, String displayName) {
    }

    /** The part of identity-service's {@code RecordResolution} this service needs. */
    record ResolvedRecord(UUID customerId, String decision, List<UUID> mergedCustomerIds) {
    }

    @POST
    Uni<ResolvedRecord> resolve(SenderRequest sender);
}
