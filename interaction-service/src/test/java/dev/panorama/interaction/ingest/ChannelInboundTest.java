package dev.panorama.interaction.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.interaction.support.Contacts;
import dev.panorama.interaction.support.IdentityControl;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapters push contacts to panorama.channel.inbound: each stored once under redelivery, bad records dead-lettered with the reason. */
@QuarkusTest
class ChannelInboundTest {

    @BeforeEach
    void identityUp() {
        IdentityControl.up();
    }

    static void send(ChannelMessage contact) {
        KafkaTopics.produce(Topics.CHANNEL_INBOUND, contact.sourceMessageId(), Contacts.json(contact), CloudEvents.kafkaHeaders(
                CloudEvents.envelope(EventType.CHANNEL_MESSAGE, "/" + contact.sourceSystem(), null, Instant.now())));
    }

    @Test
    void aRedeliveredContactIsStoredAndAnnouncedOnce() {
        String address = Contacts.uniqueAddress();
        UUID customerId = UUID.randomUUID();
        IdentityControl.assign(address, customerId);
        ChannelMessage contact = Contacts.inbound(Channel.EMAIL, address, Instant.now());

        send(contact);
        send(contact);
        send(contact);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/customers/" + customerId + "/interactions").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].sourceMessageId", equalTo(contact.sourceMessageId())));
        List<ConsumerRecord<String, String>> logged = KafkaTopics.all(Topics.INTERACTIONS,
                record -> record.value().contains(contact.sourceMessageId()), Duration.ofSeconds(4));
        assertThat(logged).hasSize(1);
        assertThat(logged.getFirst().key()).isEqualTo(customerId.toString());
        assertThat(CloudEvents.fromKafkaHeaders(logged.getFirst().headers()).type()).isEqualTo(EventType.INTERACTION_LOGGED.ceType());
    }

    @Test
    void unreadableAndInvalidRecordsGoToTheDeadLetterTopicWithTheReasonAndTheRestIsStored() {
        String poison = "{\"sourceSystem\": \"adapter-email\", \"broken\": " + UUID.randomUUID();
        ChannelMessage invalid = IngestApiTest.withoutSourceMessageId(Contacts.inbound(Channel.SMS, Contacts.uniqueAddress(), Instant.now()));
        String invalidJson = Contacts.json(invalid).replace("\"sourceSystem\":\"adapter-sms\"", "\"sourceSystem\":\"" + UUID.randomUUID() + "\"");
        String address = Contacts.uniqueAddress();
        UUID customerId = UUID.randomUUID();
        IdentityControl.assign(address, customerId);
        ChannelMessage good = Contacts.inbound(Channel.CHAT, address, Instant.now());

        KafkaTopics.produce(Topics.CHANNEL_INBOUND, "k", poison, List.of());
        KafkaTopics.produce(Topics.CHANNEL_INBOUND, "k", invalidJson, List.of());
        send(good);

        ConsumerRecord<String, String> unreadable = KafkaTopics.awaitAll(Topics.deadLetter(Topics.CHANNEL_INBOUND),
                record -> poison.equals(record.value()), 1).getFirst();
        assertThat(KafkaTopics.header(unreadable, "dead-letter-reason")).startsWith("not a ChannelMessage");
        assertThat(KafkaTopics.header(unreadable, "dead-letter-topic")).isEqualTo(Topics.CHANNEL_INBOUND);
        ConsumerRecord<String, String> refused = KafkaTopics.awaitAll(Topics.deadLetter(Topics.CHANNEL_INBOUND),
                record -> invalidJson.equals(record.value()), 1).getFirst();
        assertThat(KafkaTopics.header(refused, "dead-letter-reason")).contains("sourceMessageId must not be blank");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get("/api/v1/customers/" + customerId + "/interactions").then().statusCode(200)
                .body("items.size()", equalTo(1)));
    }
}
