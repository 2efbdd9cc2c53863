package dev.panorama.bench.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Where an assignment's time goes after its offer, read back from the database and from the offers' Kafka records: offer
 * stored to its TaskOffered published by the outbox relay (the record's time, set as the relay sent it), published to
 * accepted by the simulated agent (Kafka, 20-200 ms of thinking, the acceptance call), and assigned to completed
 * (100-600 ms of handling, the completion call). Medians and p99s in milliseconds, to see which stage holds up the
 * assignments when the nominal times are far below what is measured.
 */
final class Pipeline {

    private Pipeline() {
    }

    /** @param published when each offer the simulated agents received was published */
    static String of(Connection db, String queue, Map<UUID, Instant> published) throws SQLException {
        store(db, published);
        String tasks = "(select id from routing_task where queue_id = '" + queue + "')";
        return "offer->published " + stage(db, "select p.published_at - o.offered_at from task_offer o join offer_published p"
                + " on p.offer_id = o.id where o.task_id in " + tasks)
                + ", published->accepted " + stage(db, "select o.closed_at - p.published_at from task_offer o join offer_published p"
                + " on p.offer_id = o.id where o.status = 'ACCEPTED' and o.task_id in " + tasks)
                + ", assigned->completed " + stage(db, "select ended_at - assigned_at from routing_task where queue_id = '" + queue + "'");
    }

    /** The publication times, in a table of the benchmark's own session, to join with the offers. */
    private static void store(Connection db, Map<UUID, Instant> published) throws SQLException {
        try (Statement table = db.createStatement()) {
            table.execute("create temporary table if not exists offer_published (offer_id uuid primary key, published_at timestamptz)");
            table.execute("truncate offer_published");
        }
        try (PreparedStatement insert = db.prepareStatement("insert into offer_published values (?, ?)")) {
            for (Map.Entry<UUID, Instant> offer : published.entrySet()) {
                insert.setObject(1, offer.getKey());
                insert.setObject(2, offer.getValue().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String stage(Connection db, String durations) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("select percentile_cont(0.5) within group (order by ms),"
                + " percentile_cont(0.99) within group (order by ms) from (select extract(epoch from d) * 1000 as ms from ("
                + durations + ") as s(d)) as m")) {
            rows.next();
            return String.format("p50 %.0f ms p99 %.0f ms", rows.getDouble(1), rows.getDouble(2));
        }
    }
}
