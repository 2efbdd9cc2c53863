package dev.panorama.interaction.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An event kept inside the document whose change it announces, written in the same single-document write as the
 * change: in the document's pending events until Kafka acknowledged it, or as a new contact's announcement, which stays
 * (its relay position says whether it was relayed). Its id is the CloudEvents {@code ce_id}, so a relay repeated after
 * a crash is de-duplicated by consumers.
 *
 * @param key the Kafka key: the customer id, or the interaction id while the customer is unknown
 */
public record PendingEvent(String id, String ceType, String topic, String key, Instant time, String payload) {

    private static final ObjectMapper JSON = EventJson.mapper();

    public static PendingEvent of(Record event, String key, Instant time) {
        EventType type = EventType.of(event.getClass());
        try {
            return new PendingEvent(UUID.randomUUID().toString(), type.ceType(), type.topic(), key, time, JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + type, e);
        }
    }
}
