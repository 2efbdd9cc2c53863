package dev.panorama.identity.resolution;

import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Failures that a fresh transaction gets past: PostgreSQL chose this transaction as a deadlock's victim, or a
 * concurrent resolution of the same source record committed first (the retry then finds it stored), or the
 * neighbourhood kept changing under stewards' hands.
 */
final class TransientFailures {

    static final int RETRIES = 3;
    private static final Set<String> SQL_STATES = Set.of(
            "40P01", // deadlock detected
            "40001", // serialization failure
            "23505"); // unique violation: the same record stored by a concurrent call

    private TransientFailures() {
    }

    /** The transaction {@code attempt} opens, opened again after a transient failure. */
    static <T> Uni<T> retried(Supplier<Uni<? extends T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure(TransientFailures::isTransient).retry().atMost(RETRIES); // no back-off: it would leave the event loop
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NeighbourhoodKeptChanging || transientState(sqlState(cause))) {
                return true;
            }
            if (cause instanceof CompositeException composite && composite.getCauses().stream().anyMatch(TransientFailures::isTransient)) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(String sqlState) {
        return sqlState != null && SQL_STATES.contains(sqlState);
    }

    private static String sqlState(Throwable cause) {
        return switch (cause) {
            case SQLException sql -> sql.getSQLState();
            case DatabaseException database -> database.getSqlState();
            default -> null;
        };
    }
}
