package dev.panorama.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class DeadLetterHeadersTest {

    private final EventEnvelope envelope = CloudEvents.envelope(EventType.CHANNEL_MESSAGE, "/sms-gateway", null,
            Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void aDeadLetterKeepsTheOriginalCloudEventAndSaysWhyAndWhereItWas() {
        ConsumerRecord<String, String> record = recordWith(CloudEvents.kafkaHeaders(envelope));

        Headers headers = DeadLetterHeaders.of(record, "sourceMessageId must not be blank");

        assertThat(CloudEvents.fromKafkaHeaders(headers)).isEqualTo(envelope);
        assertThat(text(headers, "dead-letter-reason")).isEqualTo("sourceMessageId must not be blank");
        assertThat(text(headers, "dead-letter-topic")).isEqualTo(Topics.CHANNEL_INBOUND);
        assertThat(text(headers, "dead-letter-partition")).isEqualTo("3");
        assertThat(text(headers, "dead-letter-offset")).isEqualTo("1234");
        assertThat(record.headers().lastHeader("dead-letter-reason")).as("the consumed record is left as it was").isNull();
    }

    @Test
    void aRecordDeadLetteredAgainCarriesOnlyTheLatestReason() {
        Headers first = DeadLetterHeaders.of(recordWith(CloudEvents.kafkaHeaders(envelope)), "first reason");

        Headers second = DeadLetterHeaders.of(recordWith(first), "second reason");

        assertThat(second.headers("dead-letter-reason")).hasSize(1);
        assertThat(text(second, "dead-letter-reason")).isEqualTo("second reason");
    }

    @Test
    void aFailureWithoutAMessageStillGetsAReason() {
        assertThat(text(DeadLetterHeaders.of(recordWith(CloudEvents.kafkaHeaders(envelope)), null), "dead-letter-reason"))
                .isEqualTo("unknown");
    }

    private static ConsumerRecord<String, String> recordWith(Headers headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.CHANNEL_INBOUND, 3, 1234L, "key", "{}");
        headers.forEach(header -> record.headers().add(header));
        return record;
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
