package dev.panorama.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.events.identity.CustomersMerged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class IncomingEventTest {

    private final Record merged = SampleEvents.full(CustomersMerged.class, 14);
    private final EventEnvelope envelope = CloudEvents.envelope(EventType.CUSTOMERS_MERGED, "/identity-service",
            "c-1", Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void readsTheCeIdAndThePayloadAsTheRecordOfItsType() throws Exception {
        IncomingEvent incoming = IncomingEvent.read(record(CloudEvents.kafkaHeaders(envelope), json(merged)));
        assertThat(incoming.id()).isEqualTo(envelope.id());
        assertThat(incoming.event()).isEqualTo(merged);
    }

    @Test
    void withoutACeIdTheRecordsPositionIsTheId() throws Exception {
        Headers headers = CloudEvents.kafkaHeaders(envelope);
        headers.remove("ce_id");
        assertThat(IncomingEvent.read(record(headers, json(merged))).id()).isEqualTo("kafka:panorama.test:2:41");
    }

    @Test
    void whatCannotBeReadFailsWithTheReason() {
        assertThatThrownBy(() -> IncomingEvent.read(record(new RecordHeaders(), "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no ce_type");
        Headers unknown = new RecordHeaders().add("ce_type", "panorama.nowhere.Nothing.v1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IncomingEvent.read(record(unknown, "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> IncomingEvent.read(record(CloudEvents.kafkaHeaders(envelope), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a payload");
        assertThatThrownBy(() -> IncomingEvent.read(record(CloudEvents.kafkaHeaders(envelope), "[not json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a " + envelope.type());
    }

    private static String json(Object event) throws Exception {
        return EventJson.mapper().writeValueAsString(event);
    }

    private static ConsumerRecord<String, String> record(Headers headers, String value) {
        return new ConsumerRecord<>("panorama.test", 2, 41, 0L, TimestampType.CREATE_TIME, -1, -1, "key", value,
                headers, Optional.empty());
    }
}
