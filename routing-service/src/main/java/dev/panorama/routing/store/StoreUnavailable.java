package dev.panorama.routing.store;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure says PostgreSQL cannot be reached now (down, restarting, recovering after a crash, out of
 * connections) rather than that the work itself is wrong. Such work is worth doing again later; dead-lettering it would
 * lose it for good.
 */
public final class StoreUnavailable {

    private StoreUnavailable() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SocketException || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof PgException pg && unavailable(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 connection exception, 57P01-57P03 shutdown or starting up / in recovery, 53300 too many connections. */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || "53300".equals(sqlState));
    }
}
