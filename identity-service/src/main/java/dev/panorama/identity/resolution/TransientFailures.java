package dev.panorama.identity.resolution;

import dev.panorama.identity.customers.ConcurrentCustomerChange;
import dev.panorama.identity.customers.FailureCauses;
import io.smallrye.mutiny.Uni;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Failures that a fresh transaction gets past: PostgreSQL chose this transaction as a deadlock's victim, or a
 * concurrent resolution of the same source record committed first (the retry then finds it stored), or the
 * neighbourhood kept changing under stewards' hands. If that goes on past the last attempt the caller is told to try
 * again ({@link ConcurrentCustomerChange}: 409 with Retry-After), not answered an internal error.
 */
final class TransientFailures {

    static final int RETRIES = 3;
    /** Unique violation: the same record stored by a concurrent call. */
    private static final Set<String> RIVAL_INSERT = Set.of("23505");

    private TransientFailures() {
    }

    /** The transaction {@code attempt} opens, opened again after a transient failure. */
    static <T> Uni<T> retried(Supplier<Uni<? extends T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure(TransientFailures::isTransient).retry().atMost(RETRIES) // no back-off: it would leave the event loop
                .onFailure(TransientFailures::isTransient).transform(failure -> new ConcurrentCustomerChange());
    }

    static boolean isTransient(Throwable failure) {
        return FailureCauses.any(failure, cause -> cause instanceof NeighbourhoodKeptChanging
                || FailureCauses.hasSqlState(cause, FailureCauses.LOCK_CONFLICTS) || FailureCauses.hasSqlState(cause, RIVAL_INSERT));
    }
}
