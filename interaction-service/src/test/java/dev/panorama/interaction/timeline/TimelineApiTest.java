package dev.panorama.interaction.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.interaction.support.Contacts;
import dev.panorama.interaction.support.IdentityControl;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff read timelines, contacts with their versions, threads and summaries; a customer reads only its own timeline. */
@QuarkusTest
class TimelineApiTest {

    /** carl's customer_id attribute in the devstack realm. */
    static final UUID CARL = UUID.fromString("0195f5a0-ca71-7000-8000-00000000ca71");
    static final Instant BASE = Instant.parse("2025-03-01T09:00:00Z");

    @BeforeEach
    void identityUp() {
        IdentityControl.up();
    }

    static String ingest(ChannelMessage contact) {
        return given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Contacts.json(contact)).when().post("/api/v1/interactions").then().statusCode(201)
                .extract().path("interactionId");
    }

    static ValidatableResponse read(String user, String path) {
        return given().auth().oauth2(KeycloakTokens.forUser(user)).when().get(path).then();
    }

    /** A customer with one contact per hour on alternating channels; ids newest first. */
    static List<String> customerWithContacts(String address, UUID customerId, int count) {
        IdentityControl.assign(address, customerId);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Channel channel = i % 2 == 0 ? Channel.EMAIL : Channel.PHONE;
            Direction direction = i % 3 == 0 ? Direction.OUTBOUND : Direction.INBOUND;
            ids.addFirst(ingest(Contacts.contact(channel, direction, address, BASE.plus(i, ChronoUnit.HOURS), "conv-" + customerId,
                    "subject " + i, i == 4 ? "my parcel never arrived" : "text " + i)));
        }
        return ids;
    }

    @Test
    void theTimelineIsNewestFirstInPagesAndFiltered() {
        UUID customerId = UUID.randomUUID();
        List<String> ids = customerWithContacts(Contacts.uniqueAddress(), customerId, 7);
        String path = "/api/v1/customers/" + customerId + "/interactions";

        String cursor = read("alice", path + "?limit=3").statusCode(200)
                .body("items.interactionId", equalTo(ids.subList(0, 3))).extract().path("nextCursor");
        String cursor2 = given().auth().oauth2(KeycloakTokens.forUser("alice")).queryParam("limit", 3).queryParam("cursor", cursor)
                .when().get(path).then().statusCode(200).body("items.interactionId", equalTo(ids.subList(3, 6))).extract().path("nextCursor");
        given().auth().oauth2(KeycloakTokens.forUser("alice")).queryParam("limit", 3).queryParam("cursor", cursor2)
                .when().get(path).then().statusCode(200).body("items.interactionId", equalTo(ids.subList(6, 7)))
                .body("nextCursor", nullValue());

        read("sam", path + "?channel=phone").statusCode(200).body("items.size()", equalTo(3)).body("items.channel", not(hasItem("EMAIL")));
        read("sam", path + "?direction=OUTBOUND").statusCode(200).body("items.size()", equalTo(3));
        read("sam", path + "?from=2025-03-01T10:00:00Z&to=2025-03-01T12:00:00Z").statusCode(200)
                .body("items.interactionId", equalTo(List.of(ids.get(4), ids.get(5))));
        read("sam", path + "?q=PARCEL").statusCode(200).body("items.interactionId", equalTo(List.of(ids.get(2))));
        read("sam", path + "?conversation=conv-" + customerId + "&limit=1").statusCode(200).body("items.size()", equalTo(1));
        read("sam", path + "?conversation=elsewhere").statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badTimelineParametersAreNamed() {
        String path = "/api/v1/customers/" + UUID.randomUUID() + "/interactions";
        read("alice", path + "?channel=PIGEON").statusCode(400).body("errors.field", hasItem("channel"));
        read("alice", path + "?direction=SIDEWAYS").statusCode(400).body("errors.field", hasItem("direction"));
        read("alice", path + "?from=yesterday").statusCode(400).body("errors.field", hasItem("from"));
        read("alice", path + "?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z").statusCode(400).body("errors.field", hasItem("to"));
        read("alice", path + "?limit=0").statusCode(400).body("errors.field", hasItem("limit"));
        read("alice", path + "?limit=abc").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
        read("alice", path + "?limit=100000").statusCode(400).body("errors.field", hasItem("limit"));
        read("alice", path + "?cursor=garbage!").statusCode(400).body("errors.field", hasItem("cursor"));
        read("alice", "/api/v1/customers/not-a-uuid/interactions").statusCode(404);
    }

    /** An instant Java reads but the store's dates (milliseconds since 1970 in 64 bits) cannot hold. */
    @Test
    void aTimestampBeyondTheStoresDatesIsNamed() {
        String path = "/api/v1/customers/" + UUID.randomUUID() + "/interactions";
        readAsIs(path + "?from=%2B999999999-12-31T23:59:59Z").statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("from")));
        readAsIs(path + "?to=%2B999999999-12-31T23:59:59Z").statusCode(400).body("errors.field", equalTo(List.of("to")));
        readAsIs(path + "?from=-999999999-01-01T00:00:00Z").statusCode(400).body("errors.field", equalTo(List.of("from")));
        readAsIs(path + "?from=%2B292278994-01-01T00:00:00Z").statusCode(200).body("items.size()", equalTo(0));
    }

    /** The path and query exactly as given (a {@code %2B} stays the plus sign it encodes). */
    private static ValidatableResponse readAsIs(String path) {
        return given().urlEncodingEnabled(false).auth().oauth2(KeycloakTokens.forUser("alice")).when().get(path).then()
                .log().ifValidationFails();
    }

    @Test
    void aCustomerReadsOnlyItsOwnTimelineAndNoInternalNotes() {
        String address = Contacts.uniqueAddress();
        List<String> ids = customerWithContacts(address, CARL, 1);
        String id = ids.getFirst();
        given().auth().oauth2(KeycloakTokens.forUser("alice")).contentType("application/json")
                .body(Map.of("expectedVersion", 1, "disposition", "RESOLVED", "note", "customer sounded upset, offered refund"))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(201);

        read("carl", "/api/v1/customers/" + CARL + "/interactions?limit=200").statusCode(200)
                .body("items.interactionId", hasItem(id))
                .body("items[0]", not(hasKey("versions")))
                .body("items[0]", not(hasKey("tags")))
                .body("items[0]", not(hasKey("disposition")))
                .body("items[0].attachments[0]", not(hasKey("location")))
                .body(not(org.hamcrest.Matchers.containsString("offered refund")));
        read("alice", "/api/v1/customers/" + CARL + "/interactions?limit=200").statusCode(200)
                .body("items.find { it.interactionId == '" + id + "' }.versions[1].note", equalTo("customer sounded upset, offered refund"));

        read("carl", "/api/v1/customers/" + UUID.randomUUID() + "/interactions").statusCode(403);
        read("carl", "/api/v1/interactions/" + id).statusCode(403);
        read("carl", "/api/v1/customers/" + CARL + "/interactions/summary").statusCode(403);
        read("carl", "/api/v1/conversations/conv-" + CARL).statusCode(403);
    }

    @Test
    void everyReadNeedsATokenAndAStaffRole() {
        String id = ingest(Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), Instant.now()));
        UUID customer = UUID.randomUUID();
        List<String> paths = List.of("/api/v1/customers/" + customer + "/interactions", "/api/v1/customers/" + customer + "/interactions/summary",
                "/api/v1/interactions/" + id, "/api/v1/conversations/" + id);
        for (String path : paths) {
            given().when().get(path).then().statusCode(401);
            read("nora", path).statusCode(403);
            read("dana", path).statusCode(403);
            given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).when().get(path).then().statusCode(403);
            read("sam", path).statusCode(200);
        }
        given().auth().oauth2(KeycloakTokens.forUser("carl")).contentType("application/json").body(Map.of("expectedVersion", 1))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(403);
        given().contentType("application/json").body(Map.of("expectedVersion", 1))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(401);
    }

    @Test
    void aCorrectionIsANewVersionAndTheOldOneStays() {
        String id = ingest(Contacts.inbound(Channel.PHONE, Contacts.uniqueAddress(), Instant.now()));

        given().auth().oauth2(KeycloakTokens.forUser("alice")).contentType("application/json")
                .body(Map.of("expectedVersion", 1, "disposition", "CALLBACK_PROMISED", "tags", List.of("billing", "vip")))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(201)
                .body("version", equalTo(2)).body("disposition", equalTo("CALLBACK_PROMISED"));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).contentType("application/json")
                .body(Map.of("expectedVersion", 1, "disposition", "LOST_UPDATE"))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("version-conflict"));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).contentType("application/json").body(Map.of("disposition", "X"))
                .when().post("/api/v1/interactions/" + id + "/versions").then().statusCode(400)
                .body("errors.field", hasItem("expectedVersion"));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).contentType("application/json").body(Map.of("expectedVersion", 2))
                .when().post("/api/v1/interactions/" + UUID.randomUUID() + "/versions").then().statusCode(404);

        read("sam", "/api/v1/interactions/" + id).statusCode(200)
                .body("version", equalTo(2))
                .body("versions.kind", equalTo(List.of("INGESTED", "CORRECTED")))
                .body("versions[0].disposition", nullValue())
                .body("versions[1].recordedBy", equalTo("alice"))
                .body("tags", equalTo(List.of("billing", "vip")));
        read("sam", "/api/v1/interactions/" + UUID.randomUUID()).statusCode(404);
        var updated = KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(id)
                && EventType.INTERACTION_UPDATED.ceType().equals(CloudEvents.fromKafkaHeaders(record.headers()).type()), 1).getFirst();
        assertThat(updated.value()).contains("CALLBACK_PROMISED").contains("\"updatedBy\":\"alice\"");
    }

    @Test
    void aConversationIsOneThreadAcrossChannels() {
        String address = Contacts.uniqueAddress();
        String conversation = "case-" + UUID.randomUUID();
        List<Channel> path = List.of(Channel.WEB, Channel.CHAT, Channel.PHONE, Channel.WEB);
        for (int i = 0; i < path.size(); i++) {
            ingest(Contacts.contact(path.get(i), Direction.INBOUND, address, BASE.plus(i, ChronoUnit.MINUTES), conversation, "s", "t"));
        }
        ingest(Contacts.contact(Channel.EMAIL, Direction.INBOUND, address, BASE, "other-" + UUID.randomUUID(), "s", "t"));

        read("alice", "/api/v1/conversations/" + conversation).statusCode(200)
                .body("channels", equalTo(List.of("WEB", "CHAT", "PHONE", "WEB")))
                .body("customerIds.size()", equalTo(1));
        String next = read("alice", "/api/v1/conversations/" + conversation + "?limit=3").statusCode(200)
                .body("interactions.size()", equalTo(3)).extract().path("nextCursor");
        given().auth().oauth2(KeycloakTokens.forUser("alice")).queryParam("cursor", next).when()
                .get("/api/v1/conversations/" + conversation).then().statusCode(200).body("channels", equalTo(List.of("WEB")));
        read("alice", "/api/v1/conversations/no-such-" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void theSummaryCountsContactsAndTheLastOnePerChannel() {
        UUID customerId = UUID.randomUUID();
        customerWithContacts(Contacts.uniqueAddress(), customerId, 5);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read("sam", "/api/v1/customers/" + customerId + "/interactions/summary")
                .statusCode(200)
                .body("total", equalTo(5))
                .body("lastContactAt", equalTo("2025-03-01T13:00:00Z"))
                .body("channels.channel", equalTo(List.of("EMAIL", "PHONE")))
                .body("channels.count", equalTo(List.of(3, 2)))
                .body("channels[1].lastContactAt", equalTo("2025-03-01T12:00:00Z")));
        read("sam", "/api/v1/customers/" + UUID.randomUUID() + "/interactions/summary").statusCode(200).body("total", equalTo(0));
    }
}
