package dev.panorama.profile.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log of staff reads, written before the answer leaves (no audit entry, no profile). Entries are ordered
 * by an id that starts with the time, which is also the paging cursor.
 */
@ApplicationScoped
public class ReadAudit {

    private final ReactiveMongoCollection<Document> reads;
    private final Clock clock;

    public ReadAudit(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.reads = mongo.getDatabase(database).getCollection("profile_reads");
        this.clock = clock;
    }

    public Uni<Void> record(String actor, List<UUID> customerIds, String what) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant at = clock.instant();
        List<Document> entries = new ArrayList<>();
        for (UUID customerId : customerIds) {
            entries.add(new Document("_id", String.format("%016x-%s", at.toEpochMilli(), UUID.randomUUID()))
                    .append("actor", actor).append("customerId", customerId.toString()).append("what", what)
                    .append("at", Date.from(at)));
        }
        return reads.insertMany(entries).replaceWithVoid();
    }

    /** Newest first, optionally of one customer or one actor, after the cursor (the last id of the previous page). */
    public Uni<List<ProfileRead>> find(UUID customerId, String actor, String cursor, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (customerId != null) {
            filters.add(Filters.eq("customerId", customerId.toString()));
        }
        if (actor != null) {
            filters.add(Filters.eq("actor", actor));
        }
        if (cursor != null) {
            filters.add(Filters.lt("_id", cursor));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return reads.find(filter, new FindOptions().sort(Indexes.descending("_id")).limit(limit))
                .map(ReadAudit::read).collect().asList();
    }

    private static ProfileRead read(Document entry) {
        return new ProfileRead(entry.getString("_id"), entry.getString("actor"), UUID.fromString(entry.getString("customerId")),
                entry.getString("what"), entry.getDate("at").toInstant());
    }
}
