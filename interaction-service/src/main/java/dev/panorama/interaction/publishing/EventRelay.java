package dev.panorama.interaction.publishing;

import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.jboss.logging.Logger;

/**
 * Publishes the events waiting inside interaction documents (a correction's, a resolution's) and removes each once
 * Kafka acknowledged it. Right after a write for that write's document; a sweep picks up whatever a crash or a Kafka
 * outage left behind. Publishing twice is possible (a crash between acknowledgement and removal); consumers
 * de-duplicate on {@code ce_id}. A new contact's announcement is relayed without rewriting its document, by
 * {@link AnnouncementRelay}.
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** Younger events are still being relayed by the write that queued them (possibly behind a backlog). */
    static final Duration SWEEP_GRACE = Duration.ofSeconds(10);

    private final InteractionLog log;
    private final KafkaHandOver kafka;
    private final InteractionConfig config;

    public EventRelay(InteractionLog log, KafkaHandOver kafka, InteractionConfig config) {
        this.log = log;
        this.kafka = kafka;
        this.config = config;
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
        pending.forEach((interactionId, events) -> events.forEach(event -> records.add(kafka.record(interactionId, event))));
        Map<String, List<String>> published = new LinkedHashMap<>();
        pending.forEach((interactionId, events) -> published.put(interactionId, events.stream().map(PendingEvent::id).toList()));
        return kafka.send(records)
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
}
