package dev.panorama.interaction.publishing;

import static dev.panorama.interaction.log.InteractionDocuments.ID;
import static dev.panorama.interaction.log.InteractionDocuments.RELAY_SEQ;

import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.log.AnnouncedInteraction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Relays the announcement (InteractionLogged) of each new contact without ever rewriting its document. Before the
 * insert each document gets a position in this instance's relay stream ({@link RelayStreams}: a stream per instance
 * and start, positions ascending); once Kafka acknowledged a batch, the stream's checkpoint advances in one small
 * write. Nothing between the insert and Kafka is lost: a position is settled only by Kafka's acknowledgement (or
 * because its document was not stored), and the checkpoint never passes an unsettled one. What a failed insert or
 * relay left behind is looked up by position by the sweep; what a dead instance left past its checkpoint is relayed
 * by the instance that claims its stream once the lease ran out. Publishing twice is possible (a crash between
 * acknowledgement and checkpoint); consumers de-duplicate on {@code ce_id}.
 */
@ApplicationScoped
public class AnnouncementRelay {

    private static final Logger LOG = Logger.getLogger(AnnouncementRelay.class);

    private final InteractionLog log;
    private final RelayStreams streams;
    private final KafkaHandOver kafka;
    private final InteractionConfig config;
    private final Duration lease;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean checkpointing = new AtomicBoolean();
    private final AtomicBoolean checkpointAgain = new AtomicBoolean();
    private volatile Stream current;
    private Uni<Stream> opening;

    public AnnouncementRelay(InteractionLog log, RelayStreams streams, KafkaHandOver kafka, InteractionConfig config) {
        this.log = log;
        this.streams = streams;
        this.kafka = kafka;
        this.config = config;
        this.lease = config.relay().lease();
    }

    /** This instance's stream: its id (the instance's name as an owner too), its progress and how long it surely owns it. */
    private static final class Stream {

        final String id;
        final RelayProgress progress = new RelayProgress();
        volatile Instant surelyOwnedUntil;

        Stream(String id, Instant surelyOwnedUntil) {
            this.id = id;
            this.surelyOwnedUntil = surelyOwnedUntil;
        }
    }

    void openAtStartup(@Observes StartupEvent started) {
        stream().await().atMost(Duration.ofSeconds(30));
    }

    /** Hands the stream over at once: the next instance relays what is past the checkpoint without waiting for the lease. */
    void releaseAtShutdown(@Observes ShutdownEvent stopping) {
        Stream stream = current;
        if (stream == null) {
            return;
        }
        stream.surelyOwnedUntil = Instant.MIN;
        streams.hold(stream.id, stream.id, stream.progress.checkpoint(), Instant.now())
                .onFailure().recoverWithItem(false)
                .await().atMost(Duration.ofSeconds(5));
    }

    /** Gives each document a position in this instance's stream; to be called right before they are inserted. */
    public Uni<Void> position(List<AnnouncedInteraction> documents) {
        if (documents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return stream().invoke(stream -> {
            long first = stream.progress.take(documents.size());
            for (int i = 0; i < documents.size(); i++) {
                documents.get(i).position(stream.id, first + i);
            }
        }).replaceWithVoid();
    }

    /** The insert of these positioned documents failed: which of them were stored is unknown until the sweep looks. */
    public void insertFailed(List<AnnouncedInteraction> documents) {
        Stream stream = streamOf(documents);
        if (stream != null) {
            stream.progress.leftToSweep(positions(documents), Instant.now());
        }
    }

    /**
     * Relays the announcements of the documents stored ({@code inserted}, by id) in the background, so the next write
     * need not wait for Kafka; waits only when {@code max-in-flight} announcements are on their way already. The others
     * (duplicates) are settled at once.
     */
    public Uni<Void> relayInBackground(List<AnnouncedInteraction> documents, Set<String> inserted) {
        Stream stream = streamOf(documents);
        if (stream == null) {
            return Uni.createFrom().voidItem();
        }
        List<AnnouncedInteraction> stored = new ArrayList<>(documents.size());
        List<Long> skipped = new ArrayList<>();
        documents.forEach(document -> {
            if (inserted.contains(document.id())) {
                stored.add(document);
            } else {
                skipped.add(document.relaySeq());
            }
        });
        stream.progress.settled(skipped);
        if (stored.isEmpty()) {
            checkpointSoon();
            return Uni.createFrom().voidItem();
        }
        int events = stored.size();
        Uni<Void> relay = relay(stream, stored).eventually(() -> inFlight.addAndGet(-events));
        if (inFlight.addAndGet(events) > config.relay().maxInFlight()) {
            return relay;
        }
        relay.subscribe().with(done -> { });
        return Uni.createFrom().voidItem();
    }

    @Scheduled(every = "${panorama.interaction.relay.sweep-every:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return hold()
                .chain(this::relayLeftOver)
                .chain(this::takeOverOrphans)
                .onFailure().invoke(failure -> LOG.warnf("Announcement relay sweep failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Never fails: positions Kafka did not acknowledge are left to the sweep. */
    private Uni<Void> relay(Stream stream, List<AnnouncedInteraction> documents) {
        List<Long> positions = positions(documents);
        return sendAnnounced(documents)
                .invoke(() -> {
                    stream.progress.settled(positions);
                    checkpointSoon();
                })
                .onFailure().invoke(failure -> {
                    LOG.warnf("Relay of interaction announcements failed, the sweep retries: %s", failure.getMessage());
                    stream.progress.leftToSweep(positions, Instant.now());
                })
                .onFailure().recoverWithNull();
    }

    /** What a failed insert or relay of this instance left, once old enough that no write of it is still under way. */
    private Uni<Void> relayLeftOver() {
        Stream stream = current;
        List<Long> left = stream == null ? List.of()
                : stream.progress.leftBefore(Instant.now().minus(EventRelay.SWEEP_GRACE), config.relay().sweepBatch());
        if (left.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // positions without a document belonged to an insert that did not happen
        Uni<Void> relayed = log.atPositions(stream.id, left)
                .chain(this::send)
                .invoke(() -> stream.progress.settled(left))
                .chain(this::hold);
        return left.size() == config.relay().sweepBatch() ? relayed.chain(this::relayLeftOver) : relayed;
    }

    private Uni<Void> takeOverOrphans() {
        Stream stream = current;
        if (stream == null) {
            return Uni.createFrom().voidItem();
        }
        return streams.orphaned(stream.id, Instant.now())
                .chain(orphans -> Multi.createFrom().iterable(orphans)
                        .onItem().transformToUniAndConcatenate(orphan -> drain(orphan.getString("_id"), stream.id))
                        .collect().last())
                .replaceWithVoid();
    }

    /**
     * Claims another instance's stream and relays what lies past its checkpoint, a batch at a time. The stream is retired
     * once nothing is left and a sweep's grace has passed since it was first claimed (a write the dead instance had under
     * way when its lease ran out is in by then).
     */
    private Uni<Void> drain(String orphan, String owner) {
        Instant now = Instant.now();
        return streams.claim(orphan, owner, now, now.plus(lease)).chain(claimed -> {
            if (claimed == null) {
                return Uni.createFrom().voidItem();
            }
            long checkpoint = claimed.get(RelayStreams.CHECKPOINT, Number.class).longValue();
            int batch = config.relay().sweepBatch();
            return log.pastCheckpoint(orphan, checkpoint, batch).chain(documents -> {
                if (documents.isEmpty()) {
                    boolean settled = claimed.getDate(RelayStreams.TAKEN_AT).toInstant().isBefore(now.minus(EventRelay.SWEEP_GRACE));
                    return settled ? streams.retire(orphan, owner) : Uni.createFrom().voidItem();
                }
                LOG.infof("relaying %d announcements an earlier instance left past its checkpoint", documents.size());
                Uni<Void> relayed = send(documents)
                        .chain(() -> streams.hold(orphan, owner, position(documents.getLast()), Instant.now().plus(lease)))
                        .replaceWithVoid();
                return documents.size() == batch ? relayed.chain(() -> drain(orphan, owner)) : relayed;
            });
        });
    }

    /** Done when Kafka acknowledged every announcement; an erased contact's announcement is gone and not sent. */
    private Uni<Void> send(List<Document> documents) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(documents.size());
        for (Document document : documents) {
            PendingEvent announcement = InteractionDocuments.announcement(document);
            if (announcement != null) {
                records.add(kafka.record(document.getString(ID), announcement));
            }
        }
        return kafka.send(records);
    }

    /** Done when Kafka acknowledged every announcement, taken as inserted rather than read back from their documents. */
    private Uni<Void> sendAnnounced(List<AnnouncedInteraction> documents) {
        List<ProducerRecord<String, String>> records = new ArrayList<>(documents.size());
        for (AnnouncedInteraction document : documents) {
            records.add(kafka.record(document.id(), document.announcement()));
        }
        return kafka.send(records);
    }

    /** One checkpoint write at a time; acknowledgements meanwhile are written together by the next one. */
    private void checkpointSoon() {
        if (checkpointing.compareAndSet(false, true)) {
            checkpointAgain.set(false);
            hold().subscribe().with(done -> checkpointed(), failure -> checkpointed());
        } else {
            checkpointAgain.set(true);
        }
    }

    private void checkpointed() {
        checkpointing.set(false);
        if (checkpointAgain.getAndSet(false)) {
            checkpointSoon();
        }
    }

    /** Writes this instance's checkpoint and extends its lease; a stream another instance claimed is given up. */
    private Uni<Void> hold() {
        Stream stream = current;
        if (stream == null) {
            return Uni.createFrom().voidItem();
        }
        Instant started = Instant.now();
        return streams.hold(stream.id, stream.id, stream.progress.checkpoint(), started.plus(lease)).invoke(held -> {
            if (held) {
                stream.surelyOwnedUntil = surelyOwnedUntil(started);
            } else {
                LOG.warnf("relay stream %s was claimed by another instance; positioning in a new one", stream.id);
                stream.surelyOwnedUntil = Instant.MIN;
            }
        }).replaceWithVoid();
    }

    private Uni<Stream> stream() {
        Stream stream = current;
        if (stream != null && Instant.now().isBefore(stream.surelyOwnedUntil)) {
            return Uni.createFrom().item(stream);
        }
        return open();
    }

    /**
     * A new stream, written before any document is positioned in it (the sweep finds a stream's documents through it).
     * A stream whose lease this instance could not renew in time is left to be claimed like a dead instance's.
     */
    private synchronized Uni<Stream> open() {
        if (opening == null) {
            String id = UUID.randomUUID().toString();
            Instant started = Instant.now();
            opening = streams.open(id, started.plus(lease))
                    .map(opened -> new Stream(id, surelyOwnedUntil(started)))
                    .invoke(stream -> current = stream)
                    .eventually(this::opened)
                    .memoize().indefinitely();
        }
        return opening;
    }

    private synchronized void opened() {
        opening = null;
    }

    /** A third of the lease short of its end, so no document is positioned in a stream another instance may claim. */
    private Instant surelyOwnedUntil(Instant renewedAt) {
        return renewedAt.plus(lease.multipliedBy(2).dividedBy(3));
    }

    private Stream streamOf(List<AnnouncedInteraction> documents) {
        Stream stream = current;
        return !documents.isEmpty() && stream != null && stream.id.equals(documents.getFirst().relayStream()) ? stream : null;
    }

    private static List<Long> positions(List<AnnouncedInteraction> documents) {
        List<Long> positions = new ArrayList<>(documents.size());
        documents.forEach(document -> positions.add(document.relaySeq()));
        return positions;
    }

    private static long position(Document document) {
        return document.get(RELAY_SEQ, Number.class).longValue();
    }
}
