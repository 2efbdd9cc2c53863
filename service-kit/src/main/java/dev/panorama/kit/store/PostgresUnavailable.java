package dev.panorama.kit.store;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure says PostgreSQL cannot be reached now (down, restarting, recovering after a crash, out of
 * connections) rather than that the work itself is wrong. Such work is worth doing again later; dead-lettering it would
 * lose it for good. Reads the reactive client's failures ({@link DatabaseException}) and Hibernate Reactive's, which
 * turn them into JDBC exceptions carrying only the SQLSTATE ({@link SQLException}), however deeply either is wrapped.
 */
public final class PostgresUnavailable {

    private PostgresUnavailable() {
    }

    public static boolean is(Throwable failure) {
        return Causes.any(failure, PostgresUnavailable::itself);
    }

    private static boolean itself(Throwable cause) {
        return switch (cause) {
            // ConnectException, connection reset or refused: a SocketException; a pool waiting in vain for a connection: a timeout
            case SocketException socket -> true;
            case ClosedConnectionException closed -> true;
            case TimeoutException timeout -> true;
            case DatabaseException database -> unavailable(database.getSqlState());
            case SQLException sql -> unavailable(sql.getSQLState());
            default -> false;
        };
    }

    /** Class 08 connection exception, 57P01-57P03 shutdown or starting up / in recovery, 53300 too many connections. */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || "53300".equals(sqlState));
    }
}
