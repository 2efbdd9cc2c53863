package dev.panorama.identity.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.Topics;
import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxRelay;
import dev.panorama.outbox.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Identity events reach Kafka through the outbox as CloudEvents keyed by customer, and none is lost. */
@QuarkusTest
class IdentityEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource jdbc;

    @Test
    void aNewCustomerIsAnnouncedWithItsLinkedRecord() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String customerId = RecordsApiTest.store("erp", "E-" + run,
                RecordsApiTest.record("erp", "E-" + run, "Grace", "Nakamura" + run.replaceAll("[0-9]", ""), "1961-02-03", null))
                .statusCode(201).extract().path("customerId");

        List<ConsumerRecord<String, String>> events = awaitEvents(customerId, 2);

        assertThat(events).extracting(e -> CloudEvents.fromKafkaHeaders(e.headers()).type())
                .containsExactly("panorama.identity.CustomerCreated.v1", "panorama.identity.RecordLinked.v1");
        EventEnvelope linked = CloudEvents.fromKafkaHeaders(events.get(1).headers());
        assertThat(linked.source()).isEqualTo("/identity-service");
        assertThat(linked.subject()).isEqualTo(customerId);
        assertThat(events.get(1).value()).contains("\"decision\":\"NEW\"").contains("\"sourceSystem\":\"erp\"");
    }

    @Test
    void anEventCommittedBeforeACrashIsStillRelayed() throws Throwable {
        UUID customerId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // what a crash between commit and relay leaves behind: a committed, unpublished outbox row
        storeUnpublished(eventId, customerId, Instant.now());

        List<ConsumerRecord<String, String>> events = awaitEvents(customerId.toString(), 1);

        assertThat(CloudEvents.fromKafkaHeaders(events.getFirst().headers()).id()).isEqualTo(eventId.toString());
        await("its row leaves the outbox once relayed").atMost(Duration.ofSeconds(10)).until(() -> !inOutbox(eventId));
    }

    /**
     * Another replica's relay pass holds the relay's turn and the oldest of a customer's events while it publishes (and
     * here fails, so the event stays unpublished): this replica's passes, nudged and scheduled, wait for the turn rather
     * than publish the customer's newer events first.
     */
    @Test
    void aCustomersEventsLeaveInTheOrderTheyWereWrittenWhileAnotherReplicaRelays() throws Throwable {
        UUID customerId = UUID.randomUUID();
        List<UUID> written = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Instant start = Instant.now();
        try (Connection otherReplica = jdbc.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (Statement turn = otherReplica.createStatement()) {
                turn.execute(OutboxRepository.RELAY_TURN);
            }
            for (int i = 0; i < written.size(); i++) {
                storeUnpublished(written.get(i), customerId, start.plusMillis(i));
            }
            try (PreparedStatement oldest = otherReplica.prepareStatement("select id from outbox_event where id = ? for update")) {
                oldest.setObject(1, written.getFirst());
                oldest.executeQuery().close();
            }
            relay.nudge();
            Thread.sleep(1_500); // the scheduled pass (every second) has come too
            otherReplica.rollback();
        }

        List<ConsumerRecord<String, String>> events = awaitEvents(customerId.toString(), written.size());

        assertThat(events).extracting(event -> UUID.fromString(CloudEvents.fromKafkaHeaders(event.headers()).id()))
                .containsExactlyElementsOf(written);
    }

    private void storeUnpublished(UUID eventId, UUID customerId, Instant createdAt) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.persist(OutboxEvent.pending(eventId,
                customerId, Topics.IDENTITY_EVENTS, "panorama.identity.CustomerErased.v1",
                "{\"customerId\":\"" + customerId + "\",\"actor\":\"ada\",\"erasedAt\":\"" + createdAt + "\"}", createdAt))));
    }

    private boolean inOutbox(UUID eventId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.findById(eventId))) != null;
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    private List<ConsumerRecord<String, String>> awaitEvents(String customerId, int count) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(Topics.IDENTITY_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (customerId.equals(record.key())) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "identity-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return properties;
    }
}
