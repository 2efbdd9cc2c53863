package dev.panorama.outbox;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.kit.context.OwnContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to their topics, oldest first, and deletes their rows (the batch in one statement) once
 * Kafka has acknowledged them, in the transaction that locked them: Kafka keeps the events, and a row marked published
 * instead cost a second version of it, two index entries and a purge an hour later. A crash between the two publishes
 * an event again: consumers de-duplicate on {@code ce_id}, which is the outbox row id. Replicas take turns, one pass at
 * a time over the outbox ({@link OutboxRepository#RELAY_TURN}), so that each customer's events leave in the order they
 * were written.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 256;

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final String source;
    private final OnePassAtATime nudged;

    /**
     * @param spacing the least time between the starts of two nudged passes: each pass locks and deletes its batch in a
     *                transaction of its own, and its look-up walks the index entries of events relayed since the
     *                table was last vacuumed, so under a steady stream of commits fewer, larger passes cost less per
     *                event, for up to the spacing more before an event leaves
     */
    public OutboxRelay(OutboxRepository repository, @Channel("outbox") MutinyEmitter<String> emitter, Vertx vertx,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "panorama.outbox.relay-spacing", defaultValue = "PT0S") Duration spacing) {
        this.repository = repository;
        this.emitter = emitter;
        this.nudged = new OnePassAtATime(this::nudgedPass, pass -> OwnContext.run(vertx, pass),
                (delay, pass) -> vertx.setTimer(Math.max(1, delay.toMillis()), timer -> OwnContext.run(vertx, pass)), spacing,
                System::nanoTime, this::relayFailed);
        this.source = "/" + application;
    }

    /**
     * The safety net: whatever a nudge missed (or a crash left behind) goes out within the interval. Not before the
     * application has started: the scheduler fires while reactive messaging is still wiring the {@code outbox} channel.
     */
    @Scheduled(every = "${panorama.outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayScheduled() {
        return Uni.createFrom().deferred(this::relay) // a failure to start is a failed pass too
                .onFailure().invoke(this::relayFailed)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Relays right after a business transaction committed, without making its caller wait. Passes run on a Vert.x
     * context of their own, so a nudge can come from anywhere: a request, a message, a timer. Nudges coalesce: while
     * a pass runs, any number of nudges ask for one more pass after it, which starts after they were made and so sees
     * every event committed before them. Under load a pass thus relays the events of many transactions, instead of
     * each transaction paying for a relay transaction of its own.
     */
    public void nudge() {
        nudged.request();
    }

    /** One pass; a full batch may have left events behind, so it asks for another at once. */
    private Uni<Boolean> nudgedPass() {
        return relay().map(published -> published == BATCH);
    }

    private void relayFailed(Throwable failure) {
        LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage());
    }

    /** Relays one batch on the caller's Vert.x context; answers how many events were published. */
    public Uni<Integer> relay() {
        PassTimes times = new PassTimes();
        return Panache.withTransaction(() -> repository.lockUnpublished(BATCH)
                        .invoke(times::locked)
                        .chain(locked -> sendAll(locked).invoke(times::sent).chain(() -> deleteRelayed(locked))))
                .invoke(times::log);
    }

    /**
     * Hands the batch to the producer in order, up to {@value #IN_FLIGHT} at a time, and waits for every
     * acknowledgement: the idempotent producer keeps the order within a partition (so per key), and a batch costs a
     * few round trips to Kafka, not one per event.
     */
    private Uni<Void> sendAll(List<OutboxRepository.Locked> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Kafka acknowledges on its own thread; the session's work must go on on this Vert.x context
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(locked -> send(locked.event(), context)).merge(IN_FLIGHT)
                .collect().last()
                .replaceWithVoid();
    }

    private Uni<Integer> deleteRelayed(List<OutboxRepository.Locked> events) {
        return repository.deleteRelayed(events).replaceWith(events.size());
    }

    private Uni<Void> send(OutboxEvent event, Context context) {
        String key = event.aggregateId == null ? null : event.aggregateId.toString();
        EventEnvelope envelope = new EventEnvelope(event.id.toString(), event.eventType, source, key, event.createdAt);
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(event.topic).withKey(key).build())
                .addMetadata(CloudEvents.outgoing(envelope));
        return emitter.sendMessage(message)
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Where a pass's time went, for the DEBUG log: locking the batch, waiting for Kafka, deleting and committing. */
    private static final class PassTimes {

        private final long started = System.nanoTime();
        private long locked;
        private long sent;

        void locked() {
            locked = System.nanoTime();
        }

        void sent() {
            sent = System.nanoTime();
        }

        void log(int events) {
            if (events > 0 && LOG.isDebugEnabled()) {
                LOG.debugf("relay pass: %d events, lock %.1f ms, publish %.1f ms, delete and commit %.1f ms", events,
                        (locked - started) / 1e6, (sent - locked) / 1e6, (System.nanoTime() - sent) / 1e6);
            }
        }
    }
}
