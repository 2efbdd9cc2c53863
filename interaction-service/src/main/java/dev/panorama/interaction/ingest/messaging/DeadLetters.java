package dev.panorama.interaction.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts a record that cannot be processed on {@code panorama.channel.inbound.dlq}: the original key, value and headers,
 * plus the headers SmallRye's own dead-letter strategy writes ({@code dead-letter-reason}, -topic, -partition, -offset),
 * so operators read every DLQ of the suite the same way. (Batches are consumed, where SmallRye's strategy would send a
 * whole batch to the DLQ for one bad record.)
 */
@ApplicationScoped
public class DeadLetters {

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("channel-inbound-dlq") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        add(headers, "dead-letter-reason", reason);
        add(headers, "dead-letter-topic", record.topic());
        add(headers, "dead-letter-partition", Integer.toString(record.partition()));
        add(headers, "dead-letter-offset", Long.toString(record.offset()));
        return emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build()));
    }

    private static void add(RecordHeaders headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
