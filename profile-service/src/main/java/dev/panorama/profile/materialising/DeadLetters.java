package dev.panorama.profile.materialising;

import dev.panorama.events.DeadLetterHeaders;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a record that cannot be applied on its topic's DLQ ({@code <channel>-dlq}): the original key, value and headers
 * plus {@link DeadLetterHeaders}.
 */
@ApplicationScoped
public class DeadLetters {

    private final Map<String, MutinyEmitter<String>> byChannel;

    public DeadLetters(@Channel("identity-events-dlq") MutinyEmitter<String> identity,
            @Channel("interactions-dlq") MutinyEmitter<String> interactions,
            @Channel("routing-events-dlq") MutinyEmitter<String> routing,
            @Channel("backoffice-events-dlq") MutinyEmitter<String> backoffice,
            @Channel("source-records-dlq") MutinyEmitter<String> sourceRecords) {
        this.byChannel = Map.of("identity-events", identity, "interactions", interactions, "routing-events", routing,
                "backoffice-events", backoffice, "source-records", sourceRecords);
    }

    /** Completes once the broker has the dead letter, so the record's offset is committed only after. */
    public Uni<Void> send(String channel, ConsumerRecord<String, String> record, String reason) {
        return byChannel.get(channel).sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, reason)).build()));
    }
}
