package dev.panorama.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class CloudEventsTest {

    private final String customerId = UUID.randomUUID().toString();
    private final EventEnvelope envelope = CloudEvents.envelope(EventType.CUSTOMERS_MERGED, "/identity-service",
            customerId, Instant.parse("2026-11-22T10:15:30.123Z"));

    @Test
    void envelopesNameTheEventTypeAndAreUnique() {
        assertThat(envelope.type()).isEqualTo("panorama.identity.CustomersMerged.v1");
        assertThat(envelope.id()).isNotEqualTo(CloudEvents.envelope(EventType.CUSTOMERS_MERGED, "/identity-service",
                customerId, envelope.time()).id());
        assertThat(EventType.ofCeType(envelope.type())).contains(EventType.CUSTOMERS_MERGED);
        assertThat(EventType.CUSTOMERS_MERGED.topic()).isEqualTo(Topics.IDENTITY_EVENTS);
        assertThat(Topics.deadLetter(Topics.CHANNEL_INBOUND)).isEqualTo("panorama.channel.inbound.dlq");
    }

    @Test
    void binaryModeKafkaHeadersRoundTrip() {
        Headers headers = CloudEvents.kafkaHeaders(envelope);
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8)).isEqualTo(customerId);
        assertThat(CloudEvents.fromKafkaHeaders(headers)).isEqualTo(envelope);
    }

    @Test
    void aMalformedTimeHeaderIsRefusedAsUnreadableInput() {
        Headers headers = CloudEvents.kafkaHeaders(envelope);
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday at noon".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEvents.fromKafkaHeaders(headers)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce_time");
    }

    @Test
    void smallRyeMetadataCarriesEveryAttribute() {
        OutgoingCloudEventMetadata<Object> metadata = CloudEvents.outgoing(envelope);
        assertThat(metadata.getId()).isEqualTo(envelope.id());
        assertThat(metadata.getType()).isEqualTo(envelope.type());
        assertThat(metadata.getSource()).hasToString("/identity-service");
        assertThat(metadata.getSubject()).contains(customerId);
        assertThat(metadata.getTimeStamp()).hasValueSatisfying(time -> assertThat(time.toInstant()).isEqualTo(envelope.time()));
        assertThat(metadata.getSpecVersion()).isEqualTo("1.0");
    }

    @Test
    void everyEventTypeHasAUniqueCeTypeAndRecord() {
        assertThat(EventType.values()).extracting(EventType::ceType).doesNotHaveDuplicates()
                .allMatch(type -> type.matches("panorama\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v1"));
        for (EventType type : EventType.values()) {
            assertThat(EventType.of(type.recordType())).isEqualTo(type);
        }
    }
}
