package dev.panorama.interaction.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventJson;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.interaction.support.Contacts;
import dev.panorama.interaction.support.IdentityControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adapters push contacts over REST: stored once however often sent, announced on Kafka, bad input named. */
@QuarkusTest
class IngestApiTest {

    static String adapter() {
        return KeycloakTokens.forClient("channel-adapter");
    }

    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(adapter()).contentType("application/json").body(body)
                .when().post("/api/v1/interactions").then();
    }

    @BeforeEach
    void identityUp() {
        IdentityControl.up();
    }

    @Test
    void aContactIsStoredResolvedAndAnnounced() {
        String address = Contacts.uniqueAddress();
        UUID customerId = UUID.randomUUID();
        IdentityControl.assign(address, customerId);
        ChannelMessage contact = Contacts.inbound(Channel.EMAIL, address, Instant.now().truncatedTo(ChronoUnit.MILLIS));

        var created = post(Contacts.json(contact)).statusCode(201)
                .body("customerId", equalTo(customerId.toString()))
                .body("resolution", equalTo("RESOLVED"))
                .body("created", equalTo(true))
                .extract();
        String interactionId = created.path("interactionId");
        assertThat(created.header("Location")).endsWith("/api/v1/interactions/" + interactionId);

        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/interactions/" + interactionId)
                .then().statusCode(200)
                .body("customerId", equalTo(customerId.toString()))
                .body("channel", equalTo("EMAIL"))
                .body("subject", equalTo(contact.subject()))
                .body("attachments[0].name", equalTo("invoice.pdf"))
                .body("needsResponse", equalTo(true))
                .body("routingHints.intent", equalTo("billing"))
                .body("version", equalTo(1))
                .body("versions[0].kind", equalTo("INGESTED"));

        ConsumerRecord<String, String> logged = KafkaTopics.awaitAll(Topics.INTERACTIONS,
                record -> record.value().contains(interactionId), 1).getFirst();
        EventEnvelope envelope = CloudEvents.fromKafkaHeaders(logged.headers());
        assertThat(logged.key()).isEqualTo(customerId.toString());
        assertThat(envelope.type()).isEqualTo("panorama.interaction.InteractionLogged.v1");
        assertThat(envelope.subject()).isEqualTo(customerId.toString());
        assertThat(envelope.source()).isEqualTo("/interaction-service");
        assertThat(logged.value()).contains("\"needsResponse\":true").doesNotContain(contact.text());
    }

    @Test
    void theAnnouncementNamesTheSenderRecordThatASplitMovesTheContactBy() throws Exception {
        String address = Contacts.uniqueAddress();
        IdentityControl.assign(address, UUID.randomUUID());
        String interactionId = post(Contacts.json(Contacts.inbound(Channel.EMAIL, address, Instant.now()))).statusCode(201)
                .extract().path("interactionId");

        ConsumerRecord<String, String> logged = KafkaTopics.awaitAll(Topics.INTERACTIONS,
                record -> record.value().contains(interactionId), 1).getFirst();

        // profile-service moves the contact on a CustomerSplit naming this record, as the timeline does
        assertThat(EventJson.mapper().readValue(logged.value(), InteractionLogged.class).senderRecord())
                .isEqualTo(new SourceRef("channel-email", address));
    }

    @Test
    void aRetryAnswersTheContactStoredFirstAndStoresNothingNew() {
        ChannelMessage contact = Contacts.inbound(Channel.SMS, "+44770090" + (int) (Math.random() * 10000), Instant.now());
        String first = post(Contacts.json(contact)).statusCode(201).extract().path("interactionId");

        post(Contacts.json(contact)).statusCode(200).body("interactionId", equalTo(first)).body("created", equalTo(false));

        List<ConsumerRecord<String, String>> events = KafkaTopics.all(Topics.INTERACTIONS,
                record -> record.value().contains(contact.sourceMessageId()), Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
    }

    @Test
    void theIdempotencyKeyStandsInForAMissingSourceMessageId() {
        String key = UUID.randomUUID().toString();
        ChannelMessage withoutId = withoutSourceMessageId(Contacts.inbound(Channel.WEB, Contacts.uniqueAddress(), Instant.now()));

        String first = given().auth().oauth2(adapter()).header("Idempotency-Key", key).contentType("application/json")
                .body(Contacts.json(withoutId)).when().post("/api/v1/interactions").then().statusCode(201).extract().path("interactionId");
        given().auth().oauth2(adapter()).header("Idempotency-Key", key).contentType("application/json")
                .body(Contacts.json(withoutId)).when().post("/api/v1/interactions").then().statusCode(200)
                .body("interactionId", equalTo(first));

        ChannelMessage other = withoutSourceMessageId(Contacts.inbound(Channel.WEB, Contacts.uniqueAddress(), Instant.now()));
        given().auth().oauth2(adapter()).header("Idempotency-Key", key).contentType("application/json")
                .body(Contacts.json(other)).when().post("/api/v1/interactions").then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("type", endsWith("idempotency-key-reused"));
    }

    @Test
    void aBatchStoresEachContactOnceAndReportsEach() {
        ChannelMessage one = Contacts.inbound(Channel.CHAT, Contacts.uniqueAddress(), Instant.now());
        ChannelMessage two = Contacts.inbound(Channel.SOCIAL, Contacts.uniqueAddress(), Instant.now());
        post(Contacts.json(one)).statusCode(201);

        given().auth().oauth2(adapter()).contentType("application/json").body(Map.of("items", List.of(one, two, two)))
                .when().post("/api/v1/interactions/batch").then().statusCode(200)
                .body("created", equalTo(1))
                .body("duplicates", equalTo(2))
                .body("items.created", equalTo(List.of(false, true, false)))
                .body("items[1].interactionId", equalTo(given().auth().oauth2(adapter()).contentType("application/json")
                        .body(Contacts.json(two)).when().post("/api/v1/interactions").then().statusCode(200)
                        .extract().path("interactionId")));
    }

    @Test
    void invalidContactsAreRefusedNamingEachField() {
        String noChannel = Contacts.json(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), Instant.now()))
                .replace("\"channel\":\"EMAIL\",", "");
        post(noChannel).statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("channel"));

        post(Contacts.json(withoutSourceMessageId(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), Instant.now()))))
                .statusCode(400).body("errors.field", hasItem("sourceMessageId"));

        ChannelMessage tooLong = Contacts.contact(Channel.LETTER, dev.panorama.events.channel.Direction.INBOUND, Contacts.uniqueAddress(),
                Instant.now(), null, "scan", "x".repeat(100_001));
        post(Contacts.json(tooLong)).statusCode(400).body("errors.field", hasItem("text"));

        post(Contacts.json(Contacts.inbound(Channel.FAX, Contacts.uniqueAddress(), Instant.now())).replace("\"FAX\"", "\"PIGEON\""))
                .statusCode(400).body("errors.field", hasItem("channel"));

        post("{\"sourceSystem\": ").statusCode(400).body("detail", containsString("JSON"));

        Instant now = Instant.now();
        String farFuture = Contacts.json(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), now))
                .replace("\"" + now + "\"", "\"+999999999-12-31T23:59:59Z\"");
        assertThat(farFuture).contains("+999999999");
        post(farFuture).statusCode(400).contentType(startsWith("application/problem+json")).body("errors.field", hasItem("occurredAt"));

        post(Contacts.json(Contacts.inbound(Channel.SMS, Contacts.uniqueAddress(), Instant.now())).replace("\"channel\":", "\"medium\":\"SMS\",\"channel\":"))
                .statusCode(400).body("errors.field", hasItem("medium"));

        given().auth().oauth2(adapter()).contentType("application/json")
                .body(Map.of("items", List.of(Contacts.inbound(Channel.CHAT, Contacts.uniqueAddress(), Instant.now()),
                        withoutSourceMessageId(Contacts.inbound(Channel.CHAT, Contacts.uniqueAddress(), Instant.now())))))
                .when().post("/api/v1/interactions/batch").then().statusCode(400)
                .body("errors.field", hasItems("items[1].sourceMessageId"));
        given().auth().oauth2(adapter()).contentType("application/json").body(Map.of("items", List.of()))
                .when().post("/api/v1/interactions/batch").then().statusCode(400).body("errors.field", hasItem("items"));
    }

    @Test
    void onlyChannelAdaptersMayIngest() {
        String body = Contacts.json(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), Instant.now()));
        given().contentType("application/json").body(body).when().post("/api/v1/interactions").then().statusCode(401);
        for (String token : List.of(KeycloakTokens.forUser("alice"), KeycloakTokens.forUser("carl"),
                KeycloakTokens.forClient("backoffice-system"))) {
            given().auth().oauth2(token).contentType("application/json").body(body).when().post("/api/v1/interactions")
                    .then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body(Map.of("items", List.of()))
                    .when().post("/api/v1/interactions/batch").then().statusCode(403);
        }
    }

    @Test
    void aReplyQuotingAMailOutReferenceLinksToTheOffer() {
        ChannelMessage reply = Contacts.contact(Channel.LETTER, dev.panorama.events.channel.Direction.INBOUND, Contacts.uniqueAddress(),
                Instant.now(), null, "Your letter", "Dear team, regarding your offer Ref: OFR-2024117 I would like to accept.");
        String id = post(Contacts.json(reply)).statusCode(201).extract().path("interactionId");

        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get("/api/v1/interactions/" + id).then().statusCode(200)
                .body("campaignReference", equalTo("OFR-2024117"));
        KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(id) && record.value().contains("OFR-2024117"), 1);
    }

    @Test
    void aContactWithoutTheCustomersAddressIsStoredWithoutCustomer() {
        ChannelMessage noAddress = new ChannelMessage("adapter-phone", "m-" + UUID.randomUUID(), Channel.PHONE,
                dev.panorama.events.channel.Direction.INBOUND, Instant.now(), List.of(), null, null, null, List.of(), null, null,
                List.of(), List.of(), null, "ABANDONED");
        post(Contacts.json(noAddress)).statusCode(201)
                .body("customerId", nullValue())
                .body("resolution", equalTo("UNRESOLVABLE"))
                .body("interactionId", notNullValue());
    }

    static ChannelMessage withoutSourceMessageId(ChannelMessage message) {
        return new ChannelMessage(message.sourceSystem(), null, message.channel(), message.direction(), message.occurredAt(),
                message.participants(), message.conversationId(), message.subject(), message.text(), message.attachments(),
                message.language(), message.intent(), message.requiredSkills(), message.tags(), message.campaignReference(),
                message.disposition());
    }
}
