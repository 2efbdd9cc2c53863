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
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** The service reaches its real datastore and the real broker. */
@QuarkusTest
class InfrastructureTest {

    private static final String PROBE_TOPIC = "panorama.foundation-probe.identity";
    private static final String PROBE_TYPE = "panorama.foundation.Probe.v1";

    @Inject
    OutboxRepository outbox;

    @Inject
    KafkaProbe kafka;

    @Test
    @RunOnVertxContext
    void outboxEventsAreStoredInPostgresAndReadBackOldestFirst(UniAsserter asserter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OutboxEvent newer = probeEvent(now);
        OutboxEvent older = probeEvent(now.minusSeconds(1));

        // Read before the commit, from the table rather than the session: the relay, which relays pending events every
        // second and then deletes their rows, cannot see them yet.
        asserter.assertThat(() -> Panache.withTransaction(() -> outbox.persist(newer, older)
                        .call(outbox::flush)
                        .call(() -> Panache.getSession().invoke(Mutiny.Session::clear))
                        .chain(() -> outbox.findUnpublished(1000))),
                pending -> {
                    assertThat(pending).extracting(event -> event.id).containsSubsequence(older.id, newer.id);
                    OutboxEvent stored = pending.stream().filter(event -> event.id.equals(older.id)).findFirst().orElseThrow();
                    assertThat(stored).isNotSameAs(older);
                    assertThat(stored.aggregateId).isEqualTo(older.aggregateId);
                    assertThat(stored.topic).isEqualTo(PROBE_TOPIC);
                    assertThat(stored.eventType).isEqualTo(PROBE_TYPE);
                    assertThat(stored.payload).contains(older.id.toString());
                    assertThat(stored.createdAt).isEqualTo(now.minusSeconds(1));
                });
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

    /** Pending events are relayed for real: to the probe topic, so no consumer of the service's events sees them. */
    private static OutboxEvent probeEvent(Instant createdAt) {
        UUID id = UUID.randomUUID();
        return OutboxEvent.pending(id, UUID.randomUUID(), PROBE_TOPIC, PROBE_TYPE,
                "{\"probe\":\"" + id + "\"}", createdAt);
    }
}
