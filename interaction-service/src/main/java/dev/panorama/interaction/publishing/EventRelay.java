package dev.panorama.interaction.publishing;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Publishes the events waiting inside interaction documents and removes each once Kafka acknowledged it. Right after
 * a write for that write's documents; a sweep picks up whatever a crash or a Kafka outage left behind. Publishing
 * twice is possible (a crash between acknowledgement and removal); consumers de-duplicate on {@code ce_id}.
 *
 * <p>A write's events go to Kafka as one hand-over to the {@code interactions} channel's producer (its configuration:
 * acks=all, idempotence), sent in order from its sending thread with CloudEvents binary-mode headers, rather than one
 * reactive message each: the per-message stages of the channel (metadata, tracing, a Uni per event) cost more CPU than
 * the send itself.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** Younger events are still being relayed by the write that queued them (possibly behind a backlog). */
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(10);

    private final InteractionLog log;
    private final KafkaClientService kafka;
    private final InteractionConfig config;
    private final String source;
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param channel not sent to: it keeps the {@code interactions} channel, and so its producer, in the messaging graph
     */
    public EventRelay(InteractionLog log, @Channel("interactions") MutinyEmitter<String> channel, KafkaClientService kafka,
            InteractionConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.log = log;
        this.kafka = kafka;
        this.config = config;
        this.source = "/" + application;
    }

    /**
     * Relays the pending events of documents just written in the background, so the next write need not wait for
     * Kafka's acknowledgements and the removal of the relayed events. The events are stored with their documents
     * already; a crash before they are relayed leaves them for the sweep. Waits like {@link #relay} only when
     * {@code max-in-flight} events are on their way already.
     */
    public Uni<Void> relayInBackground(List<Document> documents) {
        int events = documents.stream().mapToInt(document -> InteractionDocuments.pendingEvents(document).size()).sum();
        if (events == 0) {
            return Uni.createFrom().voidItem();
        }
        if (inFlight.addAndGet(events) > config.relay().maxInFlight()) {
            return relay(documents).eventually(() -> inFlight.addAndGet(-events));
        }
        relay(documents).eventually(() -> inFlight.addAndGet(-events)).subscribe().with(done -> { });
        return Uni.createFrom().voidItem();
    }

    /** Relays the pending events of documents just written; never fails its caller (the sweep retries). */
    public Uni<Void> relay(List<Document> documents) {
        Map<String, List<PendingEvent>> pending = new LinkedHashMap<>();
        documents.forEach(document -> {
            List<PendingEvent> events = InteractionDocuments.pendingEvents(document);
            if (!events.isEmpty()) {
                pending.put(document.getString(InteractionDocuments.ID), events);
            }
        });
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        pending.forEach((interactionId, events) -> events.forEach(event -> records.add(record(interactionId, event))));
        Map<String, List<String>> published = new LinkedHashMap<>();
        pending.forEach((interactionId, events) -> published.put(interactionId, events.stream().map(PendingEvent::id).toList()));
        return send(records)
                .chain(() -> log.removePending(published))
                .onFailure().invoke(failure -> LOG.warnf("Relay of interaction events failed, the sweep retries: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${panorama.interaction.relay.sweep-every:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant before = Instant.now().minus(SWEEP_GRACE);
        return log.withPendingEvents(config.relay().sweepBatch())
                .map(documents -> documents.stream().filter(document -> InteractionDocuments.pendingEvents(document).stream()
                        .anyMatch(event -> event.time().isBefore(before))).toList())
                .chain(this::relay)
                .onFailure().invoke(failure -> LOG.warnf("Relay sweep failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /**
     * Sends in the order given without waiting in between (one producer keeps the order per partition); done when Kafka
     * acknowledged every record, failed when it refused one.
     */
    private Uni<Void> send(List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> producer = kafka.getProducer("interactions");
        return producer.runOnSendingThread(kafkaProducer -> {
            CompletableFuture<Void> acknowledged = new CompletableFuture<>();
            AtomicInteger waiting = new AtomicInteger(records.size());
            for (ProducerRecord<String, String> record : records) {
                kafkaProducer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        acknowledged.completeExceptionally(failure);
                    } else if (waiting.decrementAndGet() == 0) {
                        acknowledged.complete(null);
                    }
                });
            }
            return acknowledged;
        }).chain(acknowledged -> Uni.createFrom().completionStage(acknowledged));
    }

    private ProducerRecord<String, String> record(String interactionId, PendingEvent event) {
        // the subject is the customer; an event keyed by its interaction has no customer yet
        String subject = interactionId.equals(event.key()) ? null : event.key();
        EventEnvelope envelope = new EventEnvelope(event.id(), event.ceType(), source, subject, event.time());
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), CloudEvents.kafkaHeaders(envelope));
    }
}
