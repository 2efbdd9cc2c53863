package dev.panorama.journeys.reliability;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.panorama.journeys.suite.Panorama;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many things each service stores, read from the stores themselves: customers, records, merges, imports, reviews,
 * model versions (identity); agents, skills, queues, tasks, offers (routing); interactions (interaction); profiles
 * and their source links (profile). Outboxes, applied-event logs and audit trails are left out: they change by design.
 */
final class StoreCounts {

    private static final Map<String, List<String>> TABLES = Map.of(
            "identity", List.of("customer", "source_record", "merge_history", "import_job", "import_error", "review_item",
                    "verification_factor", "match_model"),
            "routing", List.of("agent", "skill", "routing_queue", "routing_task", "task_offer"));
    private static final Map<String, List<String>> COLLECTIONS = Map.of(
            "interaction", List.of("interactions"),
            "profile", List.of("profiles", "source_links"));

    private StoreCounts() {
    }

    /** {@code store.table} to its count, in name order. */
    static Map<String, Long> of(Panorama panorama) {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach((database, tables) -> {
            try (Connection connection = panorama.postgres(database); Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                        count.next();
                        counts.put(database + "." + table, count.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the " + database + " store", e);
            }
        });
        try (MongoClient mongo = MongoClients.create(panorama.mongoConnectionString())) {
            COLLECTIONS.forEach((database, collections) -> collections.forEach(collection -> counts.put(database + "." + collection,
                    mongo.getDatabase(database).getCollection(collection).countDocuments())));
        }
        return counts;
    }
}
