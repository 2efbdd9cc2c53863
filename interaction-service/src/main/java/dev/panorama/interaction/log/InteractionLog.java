package dev.panorama.interaction.log;

import static dev.panorama.interaction.log.InteractionDocuments.*;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import mutiny.zero.flow.adapters.AdaptersToFlow;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The append-only log of contacts in MongoDB, one document per contact. Every change is one single-document write
 * that carries the event announcing it (MongoDB's atomicity unit; no multi-document transactions are needed).
 */
@ApplicationScoped
public class InteractionLog {

    static final String COLLECTION = "interactions";

    private final ReactiveMongoCollection<Document> interactions;
    /** For ingestion's inserts: documents already encoded, which the driver copies into its buffers in one piece. */
    private final ReactiveMongoCollection<RawBsonDocument> encoded;
    /** The driver's own collection, for pages: the Quarkus wrapper hands each document over on the caller's context. */
    private final MongoCollection<Document> pages;

    public InteractionLog(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.interactions = mongo.getDatabase(database).getCollection(COLLECTION);
        this.encoded = interactions.withDocumentClass(RawBsonDocument.class);
        this.pages = mongo.unwrap().getDatabase(database).getCollection(COLLECTION);
    }

    /** The indexes behind idempotency, the timeline, threads, the reconciler and the relay's sweeps. */
    public static List<IndexModel> indexes() {
        return List.of(
                new IndexModel(Indexes.ascending(DEDUP_KEY), new IndexOptions().unique(true).name("dedup")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(CUSTOMER_ID), Indexes.descending(OCCURRED_AT),
                        Indexes.descending(ID)), new IndexOptions().name("timeline")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(CONVERSATION_ID), Indexes.ascending(OCCURRED_AT)),
                        new IndexOptions().name("conversation")),
                new IndexModel(Indexes.compoundIndex(Indexes.ascending(RESOLUTION), Indexes.ascending(RECEIVED_AT)),
                        new IndexOptions().name("resolution")),
                new IndexModel(Indexes.ascending(SENDER_RECORD), new IndexOptions().name("sender-record")),
                new IndexModel(Indexes.ascending(PENDING_ID), new IndexOptions().sparse(true).name("pending")),
                new IndexModel(Indexes.ascending(RELAY_STREAM, RELAY_SEQ), new IndexOptions().name("relay")));
    }

    void createIndexes(@Observes StartupEvent started) {
        Uni.join().all(indexes().stream().map(index -> interactions.createIndex(index.getKeys(), index.getOptions())).toList())
                .andFailFast().await().atMost(Duration.ofSeconds(30));
    }

    /** Inserts what is new; a document whose dedup key is already stored is skipped. Answers the ids inserted. */
    public Uni<Set<String>> insertNew(List<Document> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return insertSkippingDuplicates(interactions, documents,
                documents.stream().map(document -> document.getString(ID)).toList());
    }

    /**
     * Inserts ingestion's new documents, positioned in their relay stream; a document whose dedup key is already stored
     * is skipped. Answers the ids inserted. Each is encoded to BSON here, into a plain byte array: the driver's own
     * encoding writes a string a byte at a time into its network buffer, each write checked, which cost more than all
     * of ingestion's other work on a contact.
     */
    public Uni<Set<String>> insertAnnounced(List<AnnouncedInteraction> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<RawBsonDocument> bson = new ArrayList<>(documents.size());
        List<String> ids = new ArrayList<>(documents.size());
        for (AnnouncedInteraction document : documents) {
            bson.add(AnnouncedInteractionCodec.toBson(document));
            ids.add(document.id());
        }
        return insertSkippingDuplicates(encoded, bson, ids);
    }

    /** Inserts the documents (ids in the same order), unordered; answers the ids of those not refused as duplicates. */
    private static <T> Uni<Set<String>> insertSkippingDuplicates(ReactiveMongoCollection<T> collection, List<T> documents,
            List<String> ids) {
        return collection.insertMany(documents, new InsertManyOptions().ordered(false))
                .replaceWith(() -> (Set<String>) new HashSet<>(ids))
                .onFailure(MongoBulkWriteException.class).recoverWithUni(failure -> withoutDuplicates(ids, (MongoBulkWriteException) failure));
    }

    private static Uni<Set<String>> withoutDuplicates(List<String> ids, MongoBulkWriteException failure) {
        Set<String> inserted = new HashSet<>(ids);
        for (BulkWriteError error : failure.getWriteErrors()) {
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                return Uni.createFrom().failure(failure);
            }
            inserted.remove(ids.get(error.getIndex()));
        }
        return Uni.createFrom().item(inserted);
    }

    public Uni<Document> byId(UUID id) {
        return interactions.find(Filters.eq(ID, id.toString())).collect().first();
    }

    public Uni<List<Document>> byDedupKeys(List<String> dedupKeys) {
        return interactions.find(Filters.in(DEDUP_KEY, dedupKeys)).collect().asList();
    }

    /**
     * Newest first, ties broken by id, so a cursor of (occurredAt, id) pages without gaps or repeats. Only {@code fields}
     * are read, decoded straight into {@code view} by its codec.
     */
    public <T> Uni<List<T>> newestFirst(Bson filter, int limit, Class<T> view, Bson fields) {
        return page(filter, Sorts.descending(OCCURRED_AT, ID), limit, view, fields);
    }

    public <T> Uni<List<T>> oldestFirst(Bson filter, int limit, Class<T> view, Bson fields) {
        return page(filter, Sorts.ascending(OCCURRED_AT, ID), limit, view, fields);
    }

    /** The whole page is collected where the driver answers, then handed to the caller's context once. */
    private <T> Uni<List<T>> page(Bson filter, Bson order, int limit, Class<T> view, Bson fields) {
        return OnCallerContext.once(Multi.createFrom().publisher(AdaptersToFlow.publisher(pages.find(filter, view).projection(fields)
                .sort(order).limit(limit).batchSize(limit))).collect().asList());
    }

    /** Per channel: how many contacts and the latest one. */
    public Uni<List<Document>> countsByChannel(UUID customerId) {
        return interactions.aggregate(List.of(
                Aggregates.match(Filters.eq(CUSTOMER_ID, customerId.toString())),
                Aggregates.group("$" + CHANNEL, Accumulators.sum("count", 1), Accumulators.max("lastAt", "$" + OCCURRED_AT))))
                .collect().asList();
    }

    /**
     * Appends a version if the current one is still {@code expectedVersion}, setting {@code changes} and queueing the
     * event in the same write. Answers the document after the write, or null when another version came first.
     */
    public Uni<Document> appendVersion(UUID id, int expectedVersion, InteractionVersion version, Bson changes, PendingEvent event) {
        return appendVersion(id, expectedVersion, version, changes, List.of(event));
    }

    /** The same, queueing several events in the same write (relayed in the order given). */
    public Uni<Document> appendVersion(UUID id, int expectedVersion, InteractionVersion version, Bson changes, List<PendingEvent> events) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(VERSION, version.version()),
                Updates.push(VERSIONS, InteractionDocuments.version(version)),
                Updates.pushEach(PENDING, events.stream().map(InteractionDocuments::pending).toList())));
        if (changes != null) {
            updates.add(changes);
        }
        return interactions.findOneAndUpdate(Filters.and(Filters.eq(ID, id.toString()), Filters.eq(VERSION, expectedVersion)),
                Updates.combine(updates), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    /** The contacts of merged customers now belong to the survivor. */
    public Uni<Long> rekey(List<UUID> from, UUID to) {
        List<String> ids = from.stream().map(UUID::toString).toList();
        return interactions.updateMany(Filters.in(CUSTOMER_ID, ids),
                Updates.combine(Updates.set(CUSTOMER_ID, to.toString()), Updates.addEachToSet(FORMER_CUSTOMER_IDS, ids)))
                .map(result -> result.getModifiedCount());
    }

    /**
     * Contacts stored for a merged customer after its merge was applied (their resolution was in flight) follow the
     * others to the survivor; but only those received before the merge was last seen standing ({@code receivedBefore}),
     * and none that was the survivor's before. A split may undo the merge after the reconciler read it: the contacts it
     * moved back to the customer split off had been the survivor's, and those stored for that customer since came later.
     */
    public Uni<Long> rekeyLate(UUID from, UUID to, Instant receivedBefore) {
        return interactions.updateMany(Filters.and(Filters.eq(CUSTOMER_ID, from.toString()),
                        Filters.ne(FORMER_CUSTOMER_IDS, to.toString()), Filters.lt(RECEIVED_AT, Date.from(receivedBefore))),
                Updates.combine(Updates.set(CUSTOMER_ID, to.toString()), Updates.addToSet(FORMER_CUSTOMER_IDS, from.toString())))
                .map(result -> result.getModifiedCount());
    }

    /** The contacts of records split off a customer follow them to the new customer. */
    public Uni<Long> move(UUID from, UUID to, List<String> senderRecords) {
        return interactions.updateMany(Filters.and(Filters.eq(CUSTOMER_ID, from.toString()), Filters.in(SENDER_RECORD, senderRecords)),
                Updates.combine(Updates.set(CUSTOMER_ID, to.toString()), Updates.addToSet(FORMER_CUSTOMER_IDS, from.toString())))
                .map(result -> result.getModifiedCount());
    }

    /**
     * Forgets everything personal of a customer's contacts: content, addresses, attachments, notes and the link to the
     * customer. What stays is anonymous: channel, direction, times, outcome, for statistics. Contacts that were the
     * customer's once and are now another's (split off) keep their content and lose only the link to the erased customer.
     * Answers how many contacts were anonymised.
     */
    public Uni<Long> erase(UUID customerId) {
        String id = customerId.toString();
        return anonymise(id).call(() -> forgetAsFormerCustomer(id));
    }

    private Uni<Long> anonymise(String customerId) {
        return interactions.updateMany(Filters.eq(CUSTOMER_ID, customerId), Updates.combine(
                Updates.set(RESOLUTION, Resolution.ERASED.name()),
                Updates.set(CUSTOMER_ID, null),
                Updates.unset(FORMER_CUSTOMER_IDS),
                Updates.set(SENDER_RECORD, null),
                Updates.set(CONTENT_HASH, null),
                Updates.set("sourceMessageId", null),
                Updates.set(CONVERSATION_ID, null),
                Updates.set(SUBJECT, null),
                Updates.set(TEXT, null),
                Updates.set(PARTICIPANTS, List.of()),
                Updates.set(ATTACHMENTS, List.of()),
                Updates.set("tags", List.of()),
                Updates.set(VERSIONS, List.of()),
                // an announcement not relayed yet would publish what was just erased: consumers would keep it again
                Updates.unset(ANNOUNCEMENT)))
                .map(result -> result.getModifiedCount());
    }

    private Uni<Void> forgetAsFormerCustomer(String customerId) {
        return interactions.updateMany(Filters.eq(FORMER_CUSTOMER_IDS, customerId), Updates.pull(FORMER_CUSTOMER_IDS, customerId))
                .replaceWithVoid();
    }

    public Uni<List<Document>> unresolved(int limit) {
        return interactions.find(Filters.eq(RESOLUTION, Resolution.UNRESOLVED.name()),
                new FindOptions().sort(Sorts.ascending(RECEIVED_AT)).limit(limit)).collect().asList();
    }

    public Uni<List<Document>> withPendingEvents(int limit) {
        return interactions.find(Filters.exists(PENDING_ID), new FindOptions().limit(limit)).collect().asList();
    }

    /** The documents at these positions of a relay stream (those stored: a position may have been given to a failed insert). */
    public Uni<List<Document>> atPositions(String stream, List<Long> seqs) {
        return interactions.find(Filters.and(Filters.eq(RELAY_STREAM, stream), Filters.in(RELAY_SEQ, seqs)),
                new FindOptions().sort(Sorts.ascending(RELAY_SEQ))).collect().asList();
    }

    /** The first {@code limit} documents of a relay stream past {@code checkpoint}, in stream order. */
    public Uni<List<Document>> pastCheckpoint(String stream, long checkpoint, int limit) {
        return interactions.find(Filters.and(Filters.eq(RELAY_STREAM, stream), Filters.gt(RELAY_SEQ, checkpoint)),
                new FindOptions().sort(Sorts.ascending(RELAY_SEQ)).limit(limit)).collect().asList();
    }

    /**
     * Drops events Kafka acknowledged, in one write: one update of all the documents concerned that pulls exactly the
     * acknowledged events (event ids are unique), so events queued meanwhile by another write stay.
     */
    public Uni<Void> removePending(Map<String, List<String>> eventIdsByInteraction) {
        if (eventIdsByInteraction.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> eventIds = eventIdsByInteraction.values().stream().flatMap(List::stream).toList();
        return interactions.updateMany(Filters.in(ID, List.copyOf(eventIdsByInteraction.keySet())),
                Updates.pull(PENDING, Filters.in("id", eventIds))).replaceWithVoid();
    }
}
