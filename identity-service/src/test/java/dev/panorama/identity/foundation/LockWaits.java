package dev.panorama.identity.foundation;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The sessions waiting on a test's own JDBC session: those waiting for a lock it holds, and those queued behind them
 * (waiting for a lock one of those holds). Lets a test line up the service's transactions behind a lock it holds.
 */
public final class LockWaits {

    private static final String WAITING = "with recursive waiting(pid) as (select pid from pg_stat_activity"
            + " where ? = any(pg_blocking_pids(pid))"
            + " union select a.pid from pg_stat_activity a join waiting w on w.pid = any(pg_blocking_pids(a.pid)))"
            + " select count(*) from waiting";

    private LockWaits() {
    }

    public static int pid(Connection holder) throws SQLException {
        try (PreparedStatement query = holder.prepareStatement("select pg_backend_pid()"); ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Until this many sessions wait on the holder, directly or behind one another. */
    public static void awaitWaiting(int holderPid, int sessions) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> waiting(holderPid) >= sessions);
    }

    /** Asked on a connection of its own: a transaction sees pg_stat_activity as it was when it first read it. */
    private static int waiting(int holderPid) throws SQLException {
        try (Connection connection = Jdbc.connect(); PreparedStatement query = connection.prepareStatement(WAITING)) {
            query.setInt(1, holderPid);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
