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
    private static final int BATCH = 200;
    private static final int IN_FLIGHT = 64;

    private final OutboxRepository repository;
    private final MutinyEmitter<String> emitter;
    private final String source;

    public OutboxRelay(OutboxRepository repository, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.repository = repository;
        this.emitter = emitter;
        this.source = "/" + application;
    }

    /** The safety net: whatever a nudge missed (or a crash left behind) goes out within the interval. */
    @Scheduled(every = "${panorama.outbox.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relayScheduled() {
        return relayQuietly();
    }

    /**
     * Relays right after a business transaction committed, without making its caller wait; must be
     * called on a Vert.x context (a request or a message).
     */
    public void nudge() {
        relayQuietly().subscribe().with(ignored -> { });
    }

    private Uni<Void> relayQuietly() {
        return relay().replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Outbox relay failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Relays one batch; answers how many events were published. */
    public Uni<Integer> relay() {
        return Panache.withTransaction(() -> repository.lockUnpublished(BATCH).chain(this::publishAll));
    }

    /**
     * Hands the batch to the producer in order, up to {@value #IN_FLIGHT} at a time, and waits for every
     * acknowledgement: the idempotent producer keeps the order within a partition (so per key), and a batch costs a
     * few round trips to Kafka, not one per event.
     */
    private Uni<Integer> publishAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Kafka acknowledges on its own thread; the session's work must go on on this Vert.x context
        Context context = Vertx.currentContext();
        return Multi.createFrom().iterable(events)
                .onItem().transformToUni(event -> publish(event, context)).merge(IN_FLIGHT)
                .collect().last()
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
