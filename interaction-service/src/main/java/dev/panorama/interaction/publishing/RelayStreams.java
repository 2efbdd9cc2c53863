package dev.panorama.interaction.publishing;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One document per relay stream in {@code relay_streams}: its checkpoint (every announcement at or below it reached
 * Kafka), its owner and how long the owner's lease lasts. An instance owns its own stream while it renews the lease;
 * once a lease has run out (the instance died), another instance claims the stream, relays what lies past its
 * checkpoint and retires it. Every write but the first is guarded by the owner, so an instance that lost a stream
 * learns it from its next write.
 */
@ApplicationScoped
public class RelayStreams {

    static final String CHECKPOINT = "checkpoint";
    static final String OWNER = "owner";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String TAKEN_AT = "takenAt";

    private final ReactiveMongoCollection<Document> streams;

    public RelayStreams(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.streams = mongo.getDatabase(database).getCollection("relay_streams");
    }

    /** A new stream, owned by itself; written before any document is positioned in it. */
    public Uni<Void> open(String stream, Instant leaseUntil) {
        return streams.insertOne(new Document("_id", stream).append(OWNER, stream).append(CHECKPOINT, 0L)
                .append(LEASE_UNTIL, Date.from(leaseUntil))).replaceWithVoid();
    }

    /** Advances the checkpoint (never back) and extends the lease; false when {@code owner} no longer owns the stream. */
    public Uni<Boolean> hold(String stream, String owner, long checkpoint, Instant leaseUntil) {
        return streams.updateOne(Filters.and(Filters.eq("_id", stream), Filters.eq(OWNER, owner)),
                Updates.combine(Updates.max(CHECKPOINT, checkpoint), Updates.set(LEASE_UNTIL, Date.from(leaseUntil))))
                .map(result -> result.getMatchedCount() > 0);
    }

    /** Streams another instance owned whose lease ran out, and those {@code owner} claimed before. */
    public Uni<List<Document>> orphaned(String owner, Instant now) {
        return streams.find(Filters.and(Filters.ne("_id", owner),
                Filters.or(Filters.lt(LEASE_UNTIL, Date.from(now)), Filters.eq(OWNER, owner)))).collect().asList();
    }

    /** Takes the stream over if its lease ran out or {@code owner} has it already; null when another instance has it. */
    public Uni<Document> claim(String stream, String owner, Instant now, Instant leaseUntil) {
        return streams.findOneAndUpdate(Filters.and(Filters.eq("_id", stream),
                        Filters.or(Filters.lt(LEASE_UNTIL, Date.from(now)), Filters.eq(OWNER, owner))),
                Updates.combine(Updates.set(OWNER, owner), Updates.set(LEASE_UNTIL, Date.from(leaseUntil)),
                        Updates.min(TAKEN_AT, Date.from(now))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** Forgets a stream whose every announcement was relayed. */
    public Uni<Void> retire(String stream, String owner) {
        return streams.deleteOne(Filters.and(Filters.eq("_id", stream), Filters.eq(OWNER, owner))).replaceWithVoid();
    }
}
