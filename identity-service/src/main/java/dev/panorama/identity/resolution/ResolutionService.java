package dev.panorama.identity.resolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerCreated;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.matching.BlockingKeys;
import dev.panorama.identity.matching.CandidateBlocks;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.matching.Resolution;
import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.merge.Merger;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.MatchDecisionEntity;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import dev.panorama.identity.review.ReviewQueue;
import dev.panorama.outbox.Outbox;
import dev.panorama.outbox.OutboxEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores a source record and resolves it to a customer in one transaction, with its events in the
 * outbox: candidates come from the blocking index under the keys' locks, the pure {@link Resolver}
 * decides, and the decision, any merges and the events are written together.
 */
@ApplicationScoped
public class ResolutionService {

    private static final Logger LOG = Logger.getLogger(ResolutionService.class);
    static final String SYSTEM_ACTOR = "identity-service";
    private static final EventType ANNOUNCED = EventType.of(SourceRecord.class);
    /** The events' own conventions, so that a record's stored JSON is also its event's payload. */
    private static final ObjectMapper EVENT_JSON = EventJson.mapper();

    private final IdentityStore store;
    private final ResolutionTransaction transaction;
    private final FullBlocks fullBlocks;
    private final MatchEngine engine;
    private final Outbox outbox;
    private final Merger merger;
    private final ReviewQueue reviews;
    private final ObjectMapper json;
    /** Bound once, rather than looked up again for every neighbour's values. */
    private final ObjectReader personReader;
    private final Clock clock;

    ResolutionService(IdentityStore store, ResolutionTransaction transaction, FullBlocks fullBlocks, MatchEngine engine,
            Outbox outbox, Merger merger, ReviewQueue reviews, ObjectMapper json) {
        this.store = store;
        this.transaction = transaction;
        this.fullBlocks = fullBlocks;
        this.engine = engine;
        this.outbox = outbox;
        this.merger = merger;
        this.reviews = reviews;
        this.json = json;
        this.personReader = json.readerFor(PersonRecord.class);
        this.clock = Clock.systemUTC();
    }

    /**
     * A record received directly (REST, bulk import, a channel's sender): once stored, it is also published
     * on {@code panorama.source-records} through the outbox, as back-office systems publish theirs, so that
     * the services that read names and contact details from that topic (profile-service) see it too.
     * Idempotent on (sourceSystem, sourceId) and content: a retry answers as the first call did, and
     * publishes nothing again. A record whose stored versions are no longer current (its customer was
     * erased) is resolved afresh, as a new version that never rejoins the erased customer.
     */
    public Uni<RecordResolution> ingest(SourceRecord source) {
        return TransientFailures.retried(() -> transaction.run(() -> ingest(source, true)));
    }

    /** A record read from {@code panorama.source-records}: already on the topic, so not published again. */
    public Uni<RecordResolution> ingestFromTopic(SourceRecord source) {
        return TransientFailures.retried(() -> transaction.run(() -> ingest(source, false)));
    }

    /**
     * @param announce whether a stored record is also published on {@code panorama.source-records} (through the
     *                 outbox, in the same transaction)
     */
    private Uni<RecordResolution> ingest(SourceRecord source, boolean announce) {
        return storeVersion(source, contentHash(source), announce);
    }

    /**
     * The record's newest stored version is read in the statement that locks the new one's keys (as any resolution
     * takes them): a new record and a new version need the locks, and a resend, which does not, is the rare case. Keys
     * lately seen shared by more records than a block holds are not counted again, nor is the record added to their
     * blocks ({@link FullBlocks}).
     */
    private Uni<RecordResolution> storeVersion(SourceRecord source, String hash, boolean announce) {
        UUID recordId = UUID.randomUUID();
        PersonRecord person = withId(engine.normaliser().normalise(source), recordId);
        Set<String> keys = BlockingKeys.of(person);
        return store.latestVersionLockingKeys(source.sourceSystem(), source.sourceId(), fullBlocks.toCount(keys),
                Resolver.MAX_BLOCK_SIZE, CandidateBlocks.BUDGET).chain(found -> {
                    fullBlocks.remember(found.fullKeys());
                    Set<String> indexedKeys = fullBlocks.toIndex(keys);
                    IdentityStore.StoredVersion latest = found.latest();
                    if (latest == null || !latest.current()) {
                        return resolveNew(source, hash, latest == null ? 1 : latest.version() + 1, announce, person, indexedKeys,
                                found.neighbourhood());
                    }
                    return latest.contentHash().equals(hash) ? unchanged(latest)
                            : lockedForNewVersion(latest, source, hash, person, indexedKeys, announce);
                });
    }

    /**
     * The record on {@code panorama.source-records}, its payload the JSON stored as the record's own: the record is
     * written as JSON once, not once for the table and again for the event.
     */
    private OutboxEvent announcement(SourceRecord source, String payload, Instant now) {
        return outbox.pending(ANNOUNCED, payload, SourceRecordKey.of(source.sourceSystem(), source.sourceId()), now);
    }

    /**
     * The neighbourhood, read without row locks right after the keys' locks (candidates come only through the blocks
     * chosen and locked exclusively), and the resolver decides; only then are the customers the decision
     * links locked, and checked against what the decision read of them. If a steward changed one in between, the
     * attempt fails and a fresh transaction resolves the record again: locking more customers while holding some
     * would no longer take them in id order.
     */
    private Uni<RecordResolution> resolveNew(SourceRecord source, String hash, int version, boolean announce,
            PersonRecord person, Set<String> indexedKeys, IdentityStore.Neighbourhood read) {
        SnapshotGraph graph = snapshot(read);
        Resolution resolution = new Resolver(graph, engine.model(), engine.frequencies(), () -> UUID.randomUUID().toString())
                .resolve(person);
        LinkedCustomers linked = LinkedCustomers.of(resolution, read);
        if (linked.none()) {
            return persist(source, hash, version, person, indexedKeys, resolution, graph, announce);
        }
        return lockedUnchanged(linked)
                .chain(() -> persist(source, hash, version, person, indexedKeys, resolution, graph, announce));
    }

    private Uni<Void> lockedUnchanged(LinkedCustomers linked) {
        return store.lockCustomersNow(linked.customers()).chain(now -> linked.stillHold(now) ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new NeighbourhoodKeptChanging()));
    }

    /** Customers a steward kept apart stay apart: the resolver treats them as merge protected. */
    private SnapshotGraph snapshot(IdentityStore.Neighbourhood read) {
        List<IdentityStore.Neighbour> neighbours = read.neighbours();
        SnapshotGraph graph = new SnapshotGraph(neighbours.stream().filter(IdentityStore.Neighbour::candidate)
                .map(n -> n.recordId().toString()).toList());
        neighbours.forEach(n -> graph.load(readNormalised(n.normalised()), n.customerId().toString()));
        read.keptApart().forEach(pair -> graph.keepApart(pair.get(0), pair.get(1)));
        return graph;
    }

    /**
     * The customer (if new), the record, its keys, the decision and the events go to PostgreSQL in one statement;
     * a review item and merges, which few records cause, follow it.
     */
    private Uni<RecordResolution> persist(SourceRecord source, String hash, int version, PersonRecord person,
            Set<String> indexedKeys, Resolution resolution, SnapshotGraph graph, boolean announce) {
        Instant now = clock.instant();
        UUID customerId = UUID.fromString(resolution.customerId());
        UUID recordId = UUID.fromString(person.recordId());
        boolean newCustomer = resolution.decision() != Resolution.Decision.MATCHED;
        SourceRecordEntity record = recordEntity(recordId, source, version, hash, person, customerId, now);
        MatchDecisionEntity decision = decision(recordId, customerId, resolution, now);
        List<OutboxEvent> events = new ArrayList<>();
        if (newCustomer) {
            events.add(outbox.pending(new CustomerCreated(customerId, ref(source), now), customerId, now));
        }
        events.add(outbox.pending(new RecordLinked(customerId, ref(source), linkDecision(resolution), probability(resolution), now),
                customerId, now));
        if (announce) {
            events.add(announcement(source, record.payload, now));
        }
        LOG.debugf("record %s resolved to customer %s: %s", recordId, customerId, resolution.decision());
        RecordResolution resolved = new RecordResolution(customerId, recordId, version, resolution.decision().name(),
                probability(resolution), true, resolution.mergedCustomerIds().stream().map(UUID::fromString).toList());
        Uni<Void> inserted = store.insertResolved(newCustomer ? CustomerEntity.active(customerId, now) : null, record,
                indexedKeys, decision, events);
        if (resolution.decision() != Resolution.Decision.POSSIBLE && graph.merges().isEmpty()) {
            // most records: no review item, no merge, and so no steps that would only pass the answer on
            return inserted.replaceWith(resolved);
        }
        return inserted
                .chain(() -> reviews.raiseIfPossible(decision, candidateCustomer(resolution, graph)))
                .chain(() -> mergeAll(graph.merges(), resolution, now))
                .replaceWith(resolved);
    }

    private Uni<Void> mergeAll(List<SnapshotGraph.Merge> merges, Resolution resolution, Instant now) {
        return Multi.createFrom().iterable(merges)
                .onItem().transformToUniAndConcatenate(merge -> merge(merge, resolution, now))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> merge(SnapshotGraph.Merge merge, Resolution resolution, Instant now) {
        return merger.merge(UUID.fromString(merge.survivorId()), List.of(UUID.fromString(merge.mergedId())), SYSTEM_ACTOR,
                "a new record matched both customers", probability(resolution), now).replaceWithVoid();
    }

    /**
     * A changed record goes to the customer holding its current version: under the new version's keys' locks (taken
     * with the version's read) and its customer's lock, the version read is read again, since a steward may have
     * moved it to another customer, or an erasure retired it, in between.
     */
    private Uni<RecordResolution> lockedForNewVersion(IdentityStore.StoredVersion previous, SourceRecord source, String hash,
            PersonRecord person, Set<String> indexedKeys, boolean announce) {
        UUID customerBefore = previous.customerId();
        return store.lockCustomers(List.of(customerBefore))
                .chain(() -> store.recordNow(previous.id()))
                .chain(latest -> latest.current && latest.customerId.equals(customerBefore)
                        ? storeNewVersion(latest, source, hash, person, indexedKeys, announce)
                        : storeVersion(source, hash, announce));
    }

    /**
     * A changed record: a new version, linked to the same customer; the old version stays in history, out of the
     * blocking index. The new version is written as a resolved record is, in one statement.
     */
    private Uni<RecordResolution> storeNewVersion(SourceRecordEntity previous, SourceRecord source, String hash,
            PersonRecord person, Set<String> indexedKeys, boolean announce) {
        Instant now = clock.instant();
        UUID recordId = UUID.fromString(person.recordId());
        UUID customerId = previous.customerId;
        SourceRecordEntity record = recordEntity(recordId, source, previous.version + 1, hash, person, customerId, now);
        MatchDecisionEntity decision = new MatchDecisionEntity();
        decision.id = UUID.randomUUID();
        decision.recordId = recordId;
        decision.customerId = customerId;
        decision.decision = Resolution.Decision.MATCHED.name();
        decision.explanation = "{\"reason\":\"new version of record " + previous.id + "\"}";
        decision.decidedAt = now;
        List<OutboxEvent> events = new ArrayList<>();
        events.add(outbox.pending(new RecordLinked(customerId, ref(source), LinkDecision.MATCHED, null, now), customerId, now));
        if (announce) {
            events.add(announcement(source, record.payload, now));
        }
        // the old version stops being current before the new one is inserted
        return store.retireVersion(previous.id)
                .chain(() -> store.insertResolved(null, record, indexedKeys, decision, events))
                .map(ignored -> new RecordResolution(customerId, recordId, record.version, decision.decision, null, true,
                        List.of()));
    }

    private Uni<RecordResolution> unchanged(IdentityStore.StoredVersion existing) {
        return store.decisionsFor(List.of(existing.id())).map(decisions -> {
            MatchDecisionEntity last = decisions.getLast();
            return new RecordResolution(existing.customerId(), existing.id(), existing.version(), last.decision,
                    last.probability, false, List.of());
        });
    }

    private SourceRecordEntity recordEntity(UUID id, SourceRecord source, int version, String hash, PersonRecord person,
            UUID customerId, Instant now) {
        SourceRecordEntity record = new SourceRecordEntity();
        record.id = id;
        record.sourceSystem = source.sourceSystem();
        record.sourceId = source.sourceId();
        record.version = version;
        record.current = true;
        record.contentHash = hash;
        record.payload = write(EVENT_JSON, source);
        record.normalised = write(person);
        record.customerId = customerId;
        record.receivedAt = now;
        return record;
    }

    private MatchDecisionEntity decision(UUID recordId, UUID customerId, Resolution resolution, Instant now) {
        MatchDecisionEntity decision = new MatchDecisionEntity();
        decision.id = UUID.randomUUID();
        decision.recordId = recordId;
        decision.customerId = customerId;
        decision.decision = resolution.decision().name();
        decision.probability = probability(resolution);
        decision.explanation = resolution.bestMatch() == null ? null : write(Explanation.of(resolution.bestMatch()));
        decision.modelVersion = engine.model().version();
        decision.decidedAt = now;
        return decision;
    }

    private static UUID candidateCustomer(Resolution resolution, SnapshotGraph graph) {
        return resolution.bestMatch() == null ? null : UUID.fromString(graph.customerOf(resolution.bestMatch().otherRecordId()));
    }

    private static LinkDecision linkDecision(Resolution resolution) {
        return LinkDecision.valueOf(resolution.decision().name());
    }

    private static Double probability(Resolution resolution) {
        return resolution.bestMatch() == null ? null : resolution.bestMatch().probability();
    }

    private static SourceRef ref(SourceRecord source) {
        return new SourceRef(source.sourceSystem(), source.sourceId());
    }

    private static PersonRecord withId(PersonRecord r, UUID id) {
        return new PersonRecord(id.toString(), r.givenName(), r.familyName(), r.birthDate(), r.emails(), r.phones(),
                r.street(), r.locality(), r.postcode(), r.region(), r.uniqueIds());
    }

    private PersonRecord readNormalised(String normalised) {
        try {
            return personReader.readValue(normalised);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record cannot be read", e);
        }
    }

    private String write(Object value) {
        return write(json, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record's content without the time it was sent: a resend of the same facts is the same content. */
    private String contentHash(SourceRecord source) {
        SourceRecord withoutTime = new SourceRecord(source.sourceSystem(), source.sourceId(), Instant.EPOCH, source.name(),
                source.dateOfBirth(), source.emails(), source.phones(), source.addresses(), source.identifiers());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(withoutTime).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
