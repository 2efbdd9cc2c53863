package dev.panorama.bench;

import dev.panorama.devstack.DevStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL's costliest statements of a measured window in one database, per item of work, when devstack's
 * PostgreSQL loads pg_stat_statements ({@code -Dpanorama.devstack.postgres.settings=shared_preload_libraries=pg_stat_statements});
 * otherwise it does nothing.
 */
public final class PgStatements {

    private static final int SHOWN = 15;

    private final DevStack stack;
    private final String database;

    public PgStatements(DevStack stack, String database) {
        this.stack = stack;
        this.database = database;
    }

    /** Starts a window: forgets what was counted before. */
    public void reset() {
        run(statement -> {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        });
    }

    /** Prints the window's statements in total and the costliest ones, per item ({@code items} done in the window). */
    public void print(int items) {
        run(statement -> {
            String thisDatabase = " from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())";
            try (ResultSet rows = statement.executeQuery("select sum(calls), sum(total_exec_time + total_plan_time)" + thisDatabase)) {
                rows.next();
                System.out.printf("  statements per item %.1f, PostgreSQL execution and planning %.3f ms per item%n",
                        rows.getLong(1) / (double) items, rows.getDouble(2) / items);
            }
            try (ResultSet rows = statement.executeQuery("select calls, total_exec_time, total_plan_time, rows,"
                    + " shared_blks_hit + shared_blks_read, query" + thisDatabase
                    + " order by total_exec_time + total_plan_time desc limit " + SHOWN)) {
                System.out.println("  calls/item  exec ms/item  plan ms/item  rows/call  blocks/call  statement");
                while (rows.next()) {
                    long calls = rows.getLong(1);
                    String query = rows.getString(6).replaceAll("\\s+", " ");
                    System.out.printf("  %9.2f  %11.3f  %11.3f  %9.1f  %11.1f  %s%n", calls / (double) items,
                            rows.getDouble(2) / items, rows.getDouble(3) / items, rows.getLong(4) / (double) Math.max(1, calls),
                            rows.getLong(5) / (double) Math.max(1, calls), query.substring(0, Math.min(160, query.length())));
                }
            }
        });
    }

    private interface Work {
        void on(Statement statement) throws SQLException;
    }

    private void run(Work work) {
        if (!System.getProperty("panorama.devstack.postgres.settings", "").contains("pg_stat_statements")) {
            return;
        }
        try (Connection connection = stack.postgres().connect(database); Statement statement = connection.createStatement()) {
            work.on(statement);
        } catch (SQLException e) {
            System.out.println("  pg_stat_statements: " + e.getMessage());
        }
    }
}
