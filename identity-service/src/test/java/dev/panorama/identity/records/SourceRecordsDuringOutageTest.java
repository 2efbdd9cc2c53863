package dev.panorama.identity.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.source.SourceRecord;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A source record that arrives while PostgreSQL is down is not poison: the consumer waits for the database and resolves
 * it once it is back, instead of dead-lettering it (issue 3). PostgreSQL is killed as a crash would and started again
 * over its data.
 */
@QuarkusTest
class SourceRecordsDuringOutageTest {

    @Test
    void aRecordArrivingWhilePostgresqlIsDownIsResolvedOnceItIsBackAndNotDeadLettered() throws Exception {
        String sourceId = "O-" + UUID.randomUUID();
        String record = EventJson.mapper().writeValueAsString(new SourceRecord("loans", sourceId, Instant.now(),
                new PersonName(null, "Oona", null, "Outage" + Math.abs(sourceId.hashCode()), null), LocalDate.of(1981, 3, 14),
                List.of(), List.of(), List.of(), List.of(new Identifier("national-id", "O" + sourceId.hashCode(), null))));
        DevStack stack = DevStack.shared();

        stack.kill(Part.POSTGRES);
        try {
            KafkaTopics.produce(Topics.SOURCE_RECORDS, sourceId, record, BackOfficeEvents.sourceRecordHeaders());
            assertThat(KafkaTopics.all(Topics.deadLetter(Topics.SOURCE_RECORDS), dead -> dead.value().contains(sourceId),
                    Duration.ofSeconds(5))).as("dead-lettered while PostgreSQL was down").isEmpty();
        } finally {
            stack.restart(Part.POSTGRES);
        }

        ConsumerRecord<String, String> linked = KafkaTopics.awaitAll(Topics.IDENTITY_EVENTS,
                event -> event.value().contains(sourceId) && event.value().contains("\"decision\""), 1, Duration.ofSeconds(90)).getFirst();
        assertThat(CloudEvents.fromKafkaHeaders(linked.headers()).type()).isEqualTo(EventType.RECORD_LINKED.ceType());
        assertThat(KafkaTopics.all(Topics.deadLetter(Topics.SOURCE_RECORDS), dead -> dead.value().contains(sourceId), Duration.ofSeconds(2)))
                .as("dead-lettered after PostgreSQL came back").isEmpty();
    }
}
