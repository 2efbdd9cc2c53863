package dev.panorama.identity.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.outbox.OutboxEvent;
import dev.panorama.outbox.OutboxPurge;
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

/** Published events leave the outbox table after the retention (1 hour by default); pending ones never do. */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxPurge purge;

    @Test
    @RunOnVertxContext
    void publishedEventsOlderThanTheRetentionAreDeletedAndNothingElse(UniAsserter asserter) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OutboxEvent publishedLongAgo = published(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));
        OutboxEvent publishedRecently = published(now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)));
        // Old but not yet published: the relay publishes it (to the probe topic) and it must stay until then and after.
        OutboxEvent pendingLongAgo = probeEvent(now.minus(Duration.ofHours(3)));

        asserter.execute(() -> Panache.withTransaction(() -> outbox.persist(publishedLongAgo, publishedRecently, pendingLongAgo)));
        asserter.assertThat(() -> purge.purge(now), deleted -> assertThat(deleted).isPositive());
        asserter.assertThat(() -> Panache.withSession(() -> outbox.findById(publishedLongAgo.id)),
                stored -> assertThat(stored).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> outbox.findById(publishedRecently.id)),
                stored -> assertThat(stored.publishedAt).isEqualTo(now.minus(Duration.ofMinutes(10))));
        asserter.assertThat(() -> Panache.withSession(() -> outbox.findById(pendingLongAgo.id)),
                stored -> assertThat(stored).isNotNull());
    }

    private static OutboxEvent published(Instant createdAt, Instant publishedAt) {
        OutboxEvent event = probeEvent(createdAt);
        event.publishedAt = publishedAt;
        return event;
    }

    /** Relayed for real, to the probe topic, so no consumer of the service's events sees it. */
    private static OutboxEvent probeEvent(Instant createdAt) {
        UUID id = UUID.randomUUID();
        return OutboxEvent.pending(id, UUID.randomUUID(), "panorama.foundation-probe.identity",
                "panorama.foundation.Probe.v1", "{\"probe\":\"" + id + "\"}", createdAt);
    }
}
