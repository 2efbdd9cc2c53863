package dev.panorama.outbox;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to their topics, oldest first, and marks them published (the batch in one statement)
 * once Kafka has acknowledged them. A crash between the two publishes an event again: consumers de-duplicate on
 * {@code ce_id}, which is the outbox row id. Replicas share the work through row locks.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 1000;
    private static final int IN_FLIGHT = 256;

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final String source;
    /** 0: no nudged pass running; 1: one running; 2: one running and another wanted after it. */
    private final AtomicInteger nudges = new AtomicInteger();

    public OutboxRelay(OutboxRepository repository, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.repository = repository;
        this.emitter = emitter;
        this.source = "/" + application;
    }

    /**
     * The safety net: whatever a nudge missed (or a crash left behind) goes out within the interval. Not before the
     * application has started: the scheduler fires while reactive messaging is still wiring the {@code outbox} channel.
     */
    @Scheduled(every = "${panorama.outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayScheduled() {
        return relayQuietly().replaceWithVoid();
    }

    /**
     * Relays right after a business transaction committed, without making its caller wait; must be
     * called on a Vert.x context (a request or a message). Nudges coalesce: while a pass runs, any number
     * of nudges ask for one more pass after it, which starts after they were made and so sees every event
     * committed before them. Under load a pass thus relays the events of many transactions, instead of
     * each transaction paying for a relay transaction of its own.
     */
    public void nudge() {
        if (nudges.getAndUpdate(pending -> Math.min(pending + 1, 2)) == 0) {
            relayWhileNudged();
        }
    }

    /** One pass, then another if nudged meanwhile or if the batch was full. */
    private void relayWhileNudged() {
        relayQuietly().subscribe().with(published -> {
            if (published == BATCH) {
                nudges.set(2);
            }
            if (nudges.decrementAndGet() > 0) {
                relayWhileNudged();
            }
        });
    }

    private Uni<Integer> relayQuietly() {
        return Uni.createFrom().deferred(this::relay) // a failure to start is a failed pass too, not a stuck one
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithItem(0);
    }

    /** Relays one batch; answers how many events were published. */
    public Uni<Integer> relay() {
        long started = System.nanoTime();
        long[] phases = new long[2];
        return Panache.withTransaction(() -> repository.lockUnpublished(BATCH).chain(events -> {
                    phases[0] = System.nanoTime();
                    return publishAll(events, phases);
                }))
                .invoke(published -> {
                    if (published > 0 && LOG.isDebugEnabled()) {
                        long ended = System.nanoTime();
                        LOG.debugf("relay pass: %d events, lock %.1f ms, publish %.1f ms, mark and commit %.1f ms", published,
                                (phases[0] - started) / 1e6, (phases[1] - phases[0]) / 1e6, (ended - phases[1]) / 1e6);
                    }
                });
    }

    /**
     * Hands the batch to the producer in order, up to {@value #IN_FLIGHT} at a time, and waits for every
     * acknowledgement: the idempotent producer keeps the order within a partition (so per key), and a batch costs a
     * few round trips to Kafka, not one per event.
     */
    private Uni<Integer> publishAll(List<OutboxEvent> events, long[] phases) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Kafka acknowledges on its own thread; the session's work must go on on this Vert.x context
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> publish(event, context)).merge(IN_FLIGHT)
                .collect().last()
                .invoke(() -> phases[1] = System.nanoTime())
                .chain(() -> repository.markPublished(events.stream().map(event -> event.id).toList(), Instant.now()))
                .replaceWith(events.size());
    }

    private Uni<Void> publish(OutboxEvent event, Context context) {
        String key = event.aggregateId == null ? null : event.aggregateId.toString();
        EventEnvelope envelope = new EventEnvelope(event.id.toString(), event.eventType, source, key, event.createdAt);
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(event.topic).withKey(key).build())
                .addMetadata(CloudEvents.outgoing(envelope));
        return emitter.sendMessage(message)
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
