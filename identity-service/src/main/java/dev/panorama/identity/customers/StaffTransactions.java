package dev.panorama.identity.customers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The transaction of a change staff make to customers (an erasure, a merge, a split, an undo, an accepted review),
 * opened again from the start when it ran into another change of the same customers: PostgreSQL ended it as a
 * deadlock's victim or for a serialization failure, or it found the customers it locked changed since it read which to
 * lock ({@link ConcurrentCustomerChange}). Such changes lock their customers in id order, so they wait for each other
 * instead of deadlocking; the other locks they take may still close a cycle with someone else's, and the person who made
 * the change gets their answer all the same, not an internal error: after the last attempt, a 409 saying to try again.
 */
public final class StaffTransactions {

    static final int RETRIES = 3;
    private static final Logger LOG = Logger.getLogger(StaffTransactions.class);

    private StaffTransactions() {
    }

    /** The change in a transaction of its own, in a session of its own, opened again after a concurrent change. */
    public static <T> Uni<T> run(Supplier<Uni<T>> change) {
        return retried(() -> Panache.withTransaction(change));
    }

    static <T> Uni<T> retried(Supplier<Uni<T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt::get)
                .onFailure(StaffTransactions::metAnotherChange).retry().atMost(RETRIES) // no back-off: it would leave the event loop
                .onFailure(StaffTransactions::metAnotherChange).transform(StaffTransactions::gaveUp);
    }

    static boolean metAnotherChange(Throwable failure) {
        return FailureCauses.any(failure, cause -> cause instanceof ConcurrentCustomerChange
                || FailureCauses.hasSqlState(cause, FailureCauses.LOCK_CONFLICTS));
    }

    private static Throwable gaveUp(Throwable failure) {
        LOG.warnf("a staff change met a concurrent change on each of its %d attempts (%s)", 1 + RETRIES,
                failure.getClass().getSimpleName());
        return failure instanceof ConcurrentCustomerChange ? failure : new ConcurrentCustomerChange();
    }
}
