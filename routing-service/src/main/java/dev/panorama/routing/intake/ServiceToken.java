package dev.panorama.routing.intake;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.runtime.TokensHelper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * This service's client-credentials token (client panorama-service, realm role service), fetched at start and kept
 * fresh, so asking profile-service costs only profile-service's answer time, not a token round trip to Keycloak.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Logger LOG = Logger.getLogger(ServiceToken.class);
    private static final Duration FETCH_LIMIT = Duration.ofSeconds(5);

    private final OidcClient client;
    private final TokensHelper tokens = new TokensHelper();

    public ServiceToken(OidcClient client) {
        this.client = client;
    }

    void warmUp(@Observes StartupEvent started) {
        bearer().subscribe().with(ignored -> { },
                failure -> LOG.infof("No service token yet (fetched again on first use): %s", failure.getMessage()));
    }

    /** The Authorization header value. */
    public Uni<String> bearer() {
        return tokens.getTokens(client).map(found -> "Bearer " + found.getAccessToken())
                .ifNoItem().after(FETCH_LIMIT).fail();
    }
}
