package dev.panorama.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A Kafka record read as a Panorama event: its CloudEvents id (the de-duplication key; the record's position when a
 * producer sent none) and its payload as the record of its {@code ce_type}. What cannot be read is refused with
 * the reason, which the DLQ keeps.
 */
public record IncomingEvent(String id, Object event) {

    private static final ObjectMapper JSON = EventJson.mapper();

    public static IncomingEvent read(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEvents.fromKafkaHeaders(record.headers());
        if (envelope.type() == null) {
            throw new IllegalArgumentException("no ce_type header: not a Panorama event");
        }
        EventType type = EventType.ofCeType(envelope.type())
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + envelope.type()));
        if (record.value() == null) {
            throw new IllegalArgumentException("a " + envelope.type() + " without a payload");
        }
        String id = envelope.id() != null ? envelope.id()
                : "kafka:" + record.topic() + ":" + record.partition() + ":" + record.offset();
        try {
            return new IncomingEvent(id, JSON.readValue(record.value(), type.recordType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + envelope.type() + ": " + e.getOriginalMessage());
        }
    }
}
