package dev.panorama.interaction.following;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** An identity event read from its Kafka record: its CloudEvents id and the event, if it is one this service follows. */
record IdentityEvent(String id, Record event) {

    private static final ObjectMapper JSON = EventJson.mapper();

    /** Empty for identity events this service does not follow; fails with the reason for a record that cannot be read. */
    static Optional<IdentityEvent> read(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = CloudEvents.fromKafkaHeaders(record.headers());
        if (envelope.id() == null || envelope.type() == null) {
            throw new IllegalArgumentException("not a CloudEvent: ce_id and ce_type headers are required");
        }
        Optional<EventType> type = EventType.ofCeType(envelope.type())
                .filter(known -> known == EventType.CUSTOMERS_MERGED || known == EventType.CUSTOMER_SPLIT
                        || known == EventType.CUSTOMER_ERASED);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdentityEvent(envelope.id(), JSON.readValue(record.value(), type.get().recordType())));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a " + type.get().recordType().getSimpleName() + ": "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()));
        }
    }
}
