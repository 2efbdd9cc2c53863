package dev.panorama.interaction.publishing;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.log.Concurrently;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Publishes the events waiting inside interaction documents and removes each once Kafka acknowledged it. Right after
 * a write for that write's documents; a sweep picks up whatever a crash or a Kafka outage left behind. Publishing
 * twice is possible (a crash between acknowledgement and removal); consumers de-duplicate on {@code ce_id}.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** Younger events are still being relayed by the write that queued them (possibly behind a backlog). */
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(10);

    private final InteractionLog log;
    private final MutinyEmitter<String> emitter;
    private final InteractionConfig config;
    private final String source;
    private final AtomicInteger inFlight = new AtomicInteger();

    public EventRelay(InteractionLog log, @Channel("interactions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
            MutinyEmitter<String> emitter, InteractionConfig config, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.log = log;
        this.emitter = emitter;
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
        // sent in order without waiting in between: one producer keeps the order per partition
        List<Uni<Void>> sent = new ArrayList<>();
        pending.forEach((interactionId, events) -> events.forEach(event -> sent.add(send(interactionId, event))));
        Map<String, List<String>> published = new LinkedHashMap<>();
        pending.forEach((interactionId, events) -> published.put(interactionId, events.stream().map(PendingEvent::id).toList()));
        return Concurrently.all(sent)
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

    private Uni<Void> send(String interactionId, PendingEvent event) {
        // the subject is the customer; an event keyed by its interaction has no customer yet
        String subject = interactionId.equals(event.key()) ? null : event.key();
        EventEnvelope envelope = new EventEnvelope(event.id(), event.ceType(), source, subject, event.time());
        Message<String> message = Message.of(event.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(event.topic()).withKey(event.key()).build())
                .addMetadata(CloudEvents.outgoing(envelope));
        return emitter.sendMessage(message);
    }
}
