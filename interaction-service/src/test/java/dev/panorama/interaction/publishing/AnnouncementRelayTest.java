package dev.panorama.interaction.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.interaction.ingest.NewInteraction;
import dev.panorama.interaction.ingest.OfferReferences;
import dev.panorama.interaction.ingest.ResponseNeed;
import dev.panorama.interaction.log.AnnouncedInteraction;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.support.Contacts;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * New contacts' announcements reach Kafka without their documents being rewritten; what a failed write or a dead
 * instance left unpublished is found through its relay stream and published.
 */
@QuarkusTest
class AnnouncementRelayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final NewInteraction NEW_INTERACTION = new NewInteraction(new ResponseNeed(Set.of("PHONE")),
            new OfferReferences("(OFR-\\d+)"));

    @Inject
    ReactiveMongoClient mongo;

    @Inject
    InteractionLog log;

    @Inject
    AnnouncementRelay relay;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void aStoredAnnouncementIsPublishedAndItsDocumentLeftAsInsertedWhileTheCheckpointPassesIt() {
        AnnouncedInteraction document = announced();
        relay.position(List.of(document)).await().atMost(WAIT);
        Set<String> inserted = log.insertAnnounced(List.of(document)).await().atMost(WAIT);
        relay.relayInBackground(List.of(document), inserted).await().atMost(WAIT);

        ConsumerRecord<String, String> published = awaitPublished(document.id());

        assertThat(inserted).containsExactly(document.id());
        assertThat(CloudEvents.fromKafkaHeaders(published.headers()).id()).isEqualTo(document.announcement().id());
        Document stored = stored(document.id());
        assertThat(stored).doesNotContainKey(InteractionDocuments.PENDING);
        assertThat(InteractionDocuments.announcement(stored)).isEqualTo(document.announcement());
        assertThat(stored.getString(InteractionDocuments.RELAY_STREAM)).isEqualTo(document.relayStream());
        assertThat(position(stored)).isEqualTo(document.relaySeq());
        await().atMost(WAIT).until(() -> checkpointOf(document.relayStream()) >= document.relaySeq());
    }

    @Test
    void anAnnouncementWhoseInsertSeemedToFailIsPublishedByTheSweepIfTheDocumentWasStoredAfterAll() {
        AnnouncedInteraction document = announced();
        relay.position(List.of(document)).await().atMost(WAIT);
        log.insertAnnounced(List.of(document)).await().atMost(WAIT);
        // as when the answer to an insert that did happen was lost: the relay cannot know whether it happened
        relay.insertFailed(List.of(document));

        awaitPublished(document.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> checkpointOf(document.relayStream()) >= document.relaySeq());
    }

    @Test
    void aDeadInstancesAnnouncementsPastItsCheckpointArePublishedByTheInstanceClaimingItsStreamWhichThenRetiresIt() {
        String dead = UUID.randomUUID().toString();
        streams().insertOne(new Document("_id", dead).append(RelayStreams.OWNER, dead).append(RelayStreams.CHECKPOINT, 1L)
                .append(RelayStreams.LEASE_UNTIL, Date.from(Instant.now().minusSeconds(1)))).await().atMost(WAIT);
        Document relayedBefore = InteractionDocuments.position(announcedDocument(), dead, 1);
        Document leftBehind = InteractionDocuments.position(announcedDocument(), dead, 2);
        log.insertNew(List.of(relayedBefore, leftBehind)).await().atMost(WAIT);

        awaitPublished(leftBehind.getString(InteractionDocuments.ID));

        assertThat(KafkaTopics.all(Topics.INTERACTIONS, record -> record.value().contains(relayedBefore.getString(InteractionDocuments.ID)),
                Duration.ofSeconds(1))).as("at or below the checkpoint: relayed before the instance died").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> streams().find(Filters.eq("_id", dead)).collect().first()
                .await().atMost(WAIT) == null);
    }

    private static AnnouncedInteraction announced() {
        UUID customerId = UUID.randomUUID();
        Instant now = Instant.now();
        Interaction interaction = NEW_INTERACTION.of(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), now), UUID.randomUUID(),
                customerId, Resolution.RESOLVED, now);
        return new AnnouncedInteraction(interaction, UUID.randomUUID().toString(), "hash",
                PendingEvent.of(NewInteraction.logged(interaction), customerId.toString(), now));
    }

    /** As an earlier instance stored it (the layout is the same, {@code AnnouncedInteractionCodecTest}). */
    private static Document announcedDocument() {
        AnnouncedInteraction announced = announced();
        return InteractionDocuments.announced(announced.interaction(), announced.dedupKey(), announced.contentHash(), announced.announcement());
    }

    private static ConsumerRecord<String, String> awaitPublished(String interactionId) {
        return KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(interactionId), 1,
                Duration.ofSeconds(40)).getFirst();
    }

    private Document stored(String interactionId) {
        return log.byId(UUID.fromString(interactionId)).await().atMost(WAIT);
    }

    private long checkpointOf(String stream) {
        Document found = streams().find(Filters.eq("_id", stream)).collect().first().await().atMost(WAIT);
        return found == null ? -1 : found.get(RelayStreams.CHECKPOINT, Number.class).longValue();
    }

    private static long position(Document document) {
        return document.get(InteractionDocuments.RELAY_SEQ, Number.class).longValue();
    }

    private ReactiveMongoCollection<Document> streams() {
        return mongo.getDatabase(database).getCollection("relay_streams");
    }
}
