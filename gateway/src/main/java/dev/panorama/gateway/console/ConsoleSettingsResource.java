package dev.panorama.gateway.console;

import dev.panorama.gateway.config.GatewayConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Where the agent console logs in: the realm's address and the console's public client. */
@Path("/console/settings")
public class ConsoleSettingsResource {

    /** What the console needs before anyone has logged in. */
    public record ConsoleSettings(String issuer, String clientId) {
    }

    private final ConsoleSettings settings;

    public ConsoleSettingsResource(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer, GatewayConfig config) {
        this.settings = new ConsoleSettings(issuer, config.console().clientId());
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Login settings of the agent console (public: no personal data)")
    @APIResponse(responseCode = "200", description = "The realm's issuer and the console's client id")
    public ConsoleSettings settings() {
        return settings;
    }
}
