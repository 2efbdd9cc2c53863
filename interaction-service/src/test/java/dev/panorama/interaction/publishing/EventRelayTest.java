package dev.panorama.interaction.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.model.Filters;
import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.interaction.ingest.NewInteraction;
import dev.panorama.interaction.ingest.OfferReferences;
import dev.panorama.interaction.ingest.ResponseNeed;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.PendingEvent;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.support.Contacts;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An event written with its interaction but never relayed (a crash right after the write) still reaches Kafka, once removed from the document. */
@QuarkusTest
class EventRelayTest {

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Test
    void anEventLeftInItsDocumentIsRelayedByTheSweep() {
        UUID customerId = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(10);
        Interaction interaction = new NewInteraction(new ResponseNeed(Set.of("PHONE")), new OfferReferences("(OFR-\\d+)"))
                .of(Contacts.inbound(Channel.FAX, Contacts.uniqueAddress(), before), UUID.randomUUID(), customerId, Resolution.RESOLVED, before);
        InteractionLogged logged = NewInteraction.logged(interaction);
        PendingEvent pending = PendingEvent.of(logged, customerId.toString(), before);
        Document document = InteractionDocuments.toDocument(interaction, UUID.randomUUID().toString(), "hash", List.of(pending));
        var collection = mongo.getDatabase(database).getCollection("interactions");
        collection.insertOne(document).await().atMost(Duration.ofSeconds(10));

        ConsumerRecord<String, String> relayed = KafkaTopics.awaitAll(Topics.INTERACTIONS,
                record -> record.value().contains(interaction.id().toString()), 1).getFirst();

        assertThat(CloudEvents.fromKafkaHeaders(relayed.headers()).id()).isEqualTo(pending.id());
        assertThat(relayed.key()).isEqualTo(customerId.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> InteractionDocuments.pendingEvents(
                collection.find(Filters.eq("_id", interaction.id().toString())).collect().first().await().atMost(Duration.ofSeconds(5)))
                .isEmpty());
    }
}
