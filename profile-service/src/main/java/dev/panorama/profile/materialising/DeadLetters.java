package dev.panorama.profile.materialising;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a record that cannot be applied on its topic's DLQ ({@code <channel>-dlq}): the original key, value and headers
 * plus the headers SmallRye's own dead-letter strategy writes ({@code dead-letter-reason}, -topic, -partition, -offset),
 * so every DLQ of the suite reads the same. (Batches are consumed, where SmallRye's strategy would send a whole batch
 * to the DLQ for one bad record.)
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
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        add(headers, "dead-letter-reason", reason);
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", Integer.toString(record.partition()));
        add(headers, "dead-letter-offset", Long.toString(record.offset()));
        return byChannel.get(channel).sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
