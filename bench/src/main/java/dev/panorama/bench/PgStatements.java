package dev.panorama.bench;

import dev.panorama.devstack.DevStack;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL's costliest statements of a measured window in one database, per item of work, when devstack's
 * PostgreSQL loads pg_stat_statements ({@code -Dpanorama.devstack.postgres.settings=shared_preload_libraries=pg_stat_statements});
 * otherwise it does nothing.
 */
public final class PgStatements {

    /** The costliest statements printed; {@code -Dpanorama.bench.statements-shown=100} for every one of a window. */
    private static final int SHOWN = Integer.getInteger("panorama.bench.statements-shown", 15);

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

    /**
     * Brings the planner statistics up to the filled store, as autovacuum does within its nap (a minute) on a running
     * server. Before that first analysis the service's cached generic plans are made for tables of unknown content: the
     * neighbourhood read of identity-service then walked some 3,300 blocks per record instead of some 110, and whether a
     * window came before or after autovacuum's first visit decided a run (140-220 records/s against 420-550 at 20,000).
     */
    public void analyse() {
        try (Connection connection = stack.postgres().connect(database); Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot analyse " + database, e);
        }
    }

    /**
     * Prints, per table, the rows it holds beside the rows its planner statistics last counted, and how often and how
     * long ago it was analysed (by autovacuum or {@link #analyse}).
     */
    public void printPlannerStatistics(List<String> tables) {
        try (Connection connection = stack.postgres().connect(database); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select s.relname, s.n_live_tup, c.reltuples, s.analyze_count + s.autoanalyze_count,"
                        + " s.autoanalyze_count, extract(epoch from now() - greatest(s.last_analyze, s.last_autoanalyze))"
                        + " from pg_stat_user_tables s join pg_class c on c.oid = s.relid"
                        + " where s.relname = any(string_to_array('" + String.join(",", tables) + "', ',')) order by s.relname")) {
            List<String> shown = new java.util.ArrayList<>();
            while (rows.next()) {
                double ago = rows.getDouble(6);
                String last = rows.wasNull() ? "" : String.format(", last %.0f s ago", ago);
                shown.add(String.format("%s %,d rows, statistics of %,.0f (analysed %d times, %d by autovacuum%s)", rows.getString(1),
                        rows.getLong(2), Math.max(0, rows.getDouble(3)), rows.getLong(4), rows.getLong(5), last));
            }
            System.out.println("  planner statistics: " + String.join("; ", shown));
        } catch (SQLException e) {
            System.out.println("  planner statistics: " + e.getMessage());
        }
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
