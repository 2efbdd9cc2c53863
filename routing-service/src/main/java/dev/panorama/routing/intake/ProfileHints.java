package dev.panorama.routing.intake;

import dev.panorama.routing.config.RoutingConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The one way to ask profile-service for a customer's routing hints: a short timeout and a circuit breaker, and
 * no hints (the task's own priority, no preferred agents) whenever profile-service is slow, down or has no
 * profile. Never fails: a task is created with or without hints.
 */
@ApplicationScoped
public class ProfileHints {

    private static final Logger LOG = Logger.getLogger(ProfileHints.class);

    private final ProfileApi profile;
    private final ServiceToken token;
    private final TypedGuard<Uni<ProfileApi.Hints>> guard;

    public ProfileHints(@RestClient ProfileApi profile, ServiceToken token, RoutingConfig config) {
        this.profile = profile;
        this.token = token;
        RoutingConfig.Hints settings = config.hints();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<ProfileApi.Hints>>() { })
                .withDescription("profile-routing-hints")
                .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withCircuitBreaker().requestVolumeThreshold(settings.circuitVolume())
                        .failureRatio(settings.circuitFailureRatio())
                        .delay(settings.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                        .when(failure -> !noProfile(failure)).done()
                .build();
    }

    /** A customer without a profile (yet) is an answer, not a failure of profile-service. */
    private static boolean noProfile(Throwable failure) {
        return failure instanceof WebApplicationException http && http.getResponse().getStatus() == 404;
    }

    public Uni<Optional<ProfileApi.Hints>> of(UUID customerId) {
        if (customerId == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        return token.bearer()
                .chain(bearer -> guard.get(() -> profile.routingHints(customerId, bearer)))
                .map(Optional::ofNullable)
                .onFailure().invoke(failure -> LOG.debugf("No routing hints for customer %s: %s", customerId, failure.toString()))
                .onFailure().recoverWithItem(Optional.empty());
    }
}
