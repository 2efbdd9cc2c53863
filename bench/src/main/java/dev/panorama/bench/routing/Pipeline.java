package dev.panorama.bench.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where an assignment's time goes after its offer, read back from the database: offer stored to its TaskOffered
 * published by the outbox relay, published to accepted by the simulated agent (Kafka, 20-200 ms of thinking, the
 * acceptance call), and assigned to completed (100-600 ms of handling, the completion call). Medians and p99s in
 * milliseconds, to see which stage holds up the assignments when the nominal times are far below what is measured.
 */
final class Pipeline {

    private Pipeline() {
    }

    static String of(Connection db, String queue) throws SQLException {
        String tasks = "(select id from routing_task where queue_id = '" + queue + "')";
        return "offer->published " + stage(db, "select e.published_at - o.offered_at from task_offer o join outbox_event e"
                + " on e.event_type like '%TaskOffered%' and (e.payload ->> 'offerId')::uuid = o.id where o.task_id in " + tasks)
                + ", published->accepted " + stage(db, "select o.closed_at - e.published_at from task_offer o join outbox_event e"
                + " on e.event_type like '%TaskOffered%' and (e.payload ->> 'offerId')::uuid = o.id"
                + " where o.status = 'ACCEPTED' and o.task_id in " + tasks)
                + ", assigned->completed " + stage(db, "select ended_at - assigned_at from routing_task where queue_id = '" + queue + "'")
                + relayPasses(db, tasks);
    }

    /** The relay's passes while the run's offers went out: how many, how many events each, how far apart. */
    private static String relayPasses(Connection db, String tasks) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery("select count(distinct published_at), count(*),"
                + " extract(epoch from max(published_at) - min(published_at)), max(n) from (select published_at,"
                + " count(*) over (partition by published_at) as n from outbox_event where published_at between"
                + " (select min(offered_at) from task_offer where task_id in " + tasks + ") and"
                + " (select max(closed_at) from task_offer where task_id in " + tasks + ")) as e")) {
            rows.next();
            return String.format("; relay: %,d passes, %,d events in %.1f s, at most %d events a pass", rows.getLong(1),
                    rows.getLong(2), rows.getDouble(3), rows.getLong(4));
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
