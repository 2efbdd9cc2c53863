package dev.panorama.interaction.ingest.messaging;

import dev.panorama.events.DeadLetterHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a record that cannot be processed on {@code panorama.channel.inbound.dlq}: the original key, value and headers,
 * plus {@link DeadLetterHeaders}.
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("channel-inbound-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, reason)).build()));
    }
}
