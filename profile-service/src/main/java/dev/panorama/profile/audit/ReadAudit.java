package dev.panorama.profile.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import dev.panorama.profile.config.ProfileConfig;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit log of staff reads, stored before the answer leaves (no audit entry, no profile). Concurrent reads share
 * one bulk insert ({@link GroupCommit}); a read whose entry cannot be stored in time, or finds too many entries
 * waiting, is refused with {@link AuditUnavailable} (503) rather than answered unaudited. Entries are ordered by an id
 * that starts with the time, which is also the paging cursor.
 */
@ApplicationScoped
public class ReadAudit {

    private final ReactiveMongoCollection<Document> reads;
    private final Clock clock;
    private final GroupCommit<Document> pending;
    private final Duration timeout;

    public ReadAudit(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock,
            ProfileConfig config) {
        this.reads = mongo.getDatabase(database).getCollection("profile_reads");
        this.clock = clock;
        this.pending = new GroupCommit<>(this::insert, config.audit().capacity(), config.audit().maxBatch(),
                config.audit().concurrentWrites());
        this.timeout = config.audit().timeout();
    }

    void createIndexes(@Observes StartupEvent start) {
        // what admins filter on, newest first (a real MongoDB uses them; the MongoDB-wire test server ignores them)
        Uni.combine().all().unis(reads.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("_id"))),
                reads.createIndex(Indexes.compoundIndex(Indexes.ascending("actor"), Indexes.descending("_id"))))
                .discardItems().await().indefinitely();
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
        return pending.store(entries).ifNoItem().after(timeout).failWith(() -> new AuditUnavailable("the audit log is not answering"));
    }

    private Uni<Void> insert(List<Document> entries) {
        return reads.insertMany(entries, new InsertManyOptions().ordered(false)).replaceWithVoid();
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
