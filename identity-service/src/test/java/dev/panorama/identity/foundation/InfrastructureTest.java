package dev.panorama.identity.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The service reaches its real datastore and the real broker. */
@QuarkusTest
class InfrastructureTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    KafkaProbe kafka;

    @Test
    @RunOnVertxContext
    void anOutboxEventIsStoredInPostgresAndReadBack(UniAsserter asserter) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OutboxEvent event = OutboxEvent.pending(id, UUID.randomUUID(), "panorama.identity.events",
                "panorama.identity.CustomerCreated.v1", "{\"customerId\":\"" + id + "\"}", now);

        asserter.execute(() -> Panache.withTransaction(() -> outbox.persist(event)));
        asserter.assertThat(() -> Panache.withSession(() -> outbox.findById(id)), stored -> {
            assertThat(stored.eventType).isEqualTo("panorama.identity.CustomerCreated.v1");
            assertThat(stored.payload).contains(id.toString());
            assertThat(stored.createdAt).isEqualTo(now);
            assertThat(stored.publishedAt).isNull();
        });
        asserter.assertThat(() -> Panache.withSession(() -> outbox.findUnpublished(1000)),
                pending -> assertThat(pending).extracting(e -> e.id).contains(id));
    }

    @Test
    void aMessageTravelsThroughTheBroker() {
        String payload = "probe-" + UUID.randomUUID();
        kafka.send(payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.received().contains(payload));
    }

    @Test
    void readinessIncludesTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Reactive PostgreSQL connections health check"));
    }
}
