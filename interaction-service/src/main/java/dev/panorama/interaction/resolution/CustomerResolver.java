package dev.panorama.interaction.resolution;

import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.resolution.IdentityApi.ResolvedRecord;
import dev.panorama.interaction.resolution.IdentityApi.SenderRequest;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The one way to ask identity-service who a sender is: with a timeout, retries and a circuit breaker, so a slow or
 * absent identity-service costs ingestion at most a timeout and, once the circuit is open, nothing.
 * Answers empty when identity-service refuses the address itself (it is not one it can resolve); fails with
 * {@link IdentityUnavailable} when it cannot answer now.
 */
@ApplicationScoped
public class CustomerResolver {

    /** Answers about the address itself: asking again cannot help. Anything else (401/403/5xx) may pass. */
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 422);

    private final IdentityApi identity;
    private final TypedGuard<Uni<ResolvedRecord>> guard;

    public CustomerResolver(@RestClient IdentityApi identity, InteractionConfig config) {
        this.identity = identity;
        InteractionConfig.Identity settings = config.identity();
        this.guard = TypedGuard.create(new TypeLiteral<Uni<ResolvedRecord>>() { })
                .withDescription("identity-resolve")
                .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(settings.retries()).delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                        .whenException(failure -> !isRefusal(failure)).done()
                .withCircuitBreaker().requestVolumeThreshold(settings.circuitVolume())
                        .failureRatio(settings.circuitFailureRatio())
                        .delay(settings.circuitDelay().toMillis(), ChronoUnit.MILLIS)
                        .when(failure -> !isRefusal(failure)).done()
                .build();
    }

    public Uni<Optional<ResolvedRecord>> resolve(Sender sender) {
        SenderRequest request = new SenderRequest(sender.channel(), sender.address(), sender.displayName());
        return guard.get(() -> identity.resolve(request))
                .map(Optional::ofNullable)
                .onFailure(CustomerResolver::isRefusal).recoverWithItem(Optional.empty())
                .onFailure(failure -> !(failure instanceof IdentityUnavailable)).transform(IdentityUnavailable::new);
    }

    private static boolean isRefusal(Throwable failure) {
        return failure instanceof WebApplicationException http && REFUSALS.contains(http.getResponse().getStatus());
    }
}
