package dev.panorama.interaction.publishing;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.interaction.log.PendingEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaProducer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Hands events kept in interaction documents to the {@code interactions} channel's producer (its configuration:
 * acks=all, idempotence) in one go, sent in order from its sending thread with CloudEvents binary-mode headers, rather
 * than one reactive message each: the per-message stages of the channel (metadata, tracing, a Uni per event) cost more
 * CPU than the send itself.
 */
@ApplicationScoped
public class KafkaHandOver {

    private final KafkaClientService kafka;
    private final String source;

    /**
     * @param channel not sent to: it keeps the {@code interactions} channel, and so its producer, in the messaging graph
     */
    public KafkaHandOver(@Channel("interactions") MutinyEmitter<String> channel, KafkaClientService kafka,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.kafka = kafka;
        this.source = "/" + application;
    }

    /**
     * Sends in the order given without waiting in between (one producer keeps the order per partition); done when Kafka
     * acknowledged every record, failed when it refused one.
     */
    public Uni<Void> send(List<ProducerRecord<String, String>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
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

    public ProducerRecord<String, String> record(String interactionId, PendingEvent event) {
        // the subject is the customer; an event keyed by its interaction has no customer yet
        String subject = interactionId.equals(event.key()) ? null : event.key();
        EventEnvelope envelope = new EventEnvelope(event.id(), event.ceType(), source, subject, event.time());
        return new ProducerRecord<>(event.topic(), null, event.key(), event.payload(), CloudEvents.kafkaHeaders(envelope));
    }
}
