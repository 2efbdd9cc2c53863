package dev.panorama.routing.intake;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** profile-service's routing hints, asked with this service's client-credentials token ({@link ServiceToken}). Use {@link ProfileHints}. */
@RegisterRestClient(configKey = "profile")
@Path("/api/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public interface ProfileApi {

    /** The part of profile-service's {@code RoutingHints} routing uses. */
    record Hints(UUID customerId, String tier, int priorityBoost, int openCaseCount, List<RecentAgent> recentAgents) {

        public Hints {
            recentAgents = recentAgents == null ? List.of() : List.copyOf(recentAgents);
        }
    }

    /** An agent who served the customer lately. */
    record RecentAgent(String agentId) {
    }

    @GET
    @Path("/{customerId}/routing-hints")
    Uni<Hints> routingHints(@PathParam("customerId") UUID customerId, @HeaderParam("Authorization") String authorization);
}
