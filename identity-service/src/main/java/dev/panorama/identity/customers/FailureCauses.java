package dev.panorama.identity.customers;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.DatabaseException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/** What a failed transaction ran into, wherever Hibernate Reactive, Mutiny or the driver wrapped it. */
public final class FailureCauses {

    /** PostgreSQL ended the transaction for another one's sake: a deadlock's victim, or a serialization failure. */
    public static final Set<String> LOCK_CONFLICTS = Set.of("40P01", "40001");

    private FailureCauses() {
    }

    /** Whether the failure or any of its causes (those a {@link CompositeException} gathers too) is such a one. */
    public static boolean any(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
            if (cause instanceof CompositeException composite && composite.getCauses().stream().anyMatch(c -> any(c, test))) {
                return true;
            }
        }
        return false;
    }

    /** Whether PostgreSQL failed this cause with one of the SQL states. */
    public static boolean hasSqlState(Throwable cause, Set<String> states) {
        String state = switch (cause) {
            case SQLException sql -> sql.getSQLState();
            case DatabaseException database -> database.getSqlState();
            default -> null;
        };
        return state != null && states.contains(state);
    }
}
