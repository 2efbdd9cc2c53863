package dev.panorama.interaction.resolution;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who the customer is comes from identity-service; when it is away, contacts are stored anyway and resolved later. */
@QuarkusTest
class IdentityResolutionTest {

    @AfterEach
    void identityUp() {
        IdentityControl.up();
    }

    static String ingest(ChannelMessage contact) {
        return given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Contacts.json(contact)).when().post("/api/v1/interactions").then().statusCode(201)
                .extract().path("interactionId");
    }

    @Test
    void identityDownThenUpTheContactIsStoredUnresolvedThenResolvedByTheReconciler() {
        String address = Contacts.uniqueAddress();
        UUID customerId = UUID.randomUUID();
        IdentityControl.assign(address, customerId);
        IdentityControl.down();

        ChannelMessage contact = Contacts.inbound(Channel.EMAIL, address, Instant.now());
        String id = given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Contacts.json(contact)).when().post("/api/v1/interactions").then().statusCode(201)
                .body("resolution", equalTo("UNRESOLVED")).body("customerId", nullValue())
                .extract().path("interactionId");
        ConsumerRecord<String, String> logged = KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(id)
                && EventType.INTERACTION_LOGGED.ceType().equals(CloudEvents.fromKafkaHeaders(record.headers()).type()), 1).getFirst();
        assertThat(logged.key()).isEqualTo(id);
        assertThat(logged.value()).doesNotContain("customerId\":\"");

        IdentityControl.up();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/interactions/" + id).then().statusCode(200)
                .body("customerId", equalTo(customerId.toString()))
                .body("resolution", equalTo("RESOLVED"))
                .body("version", equalTo(2))
                .body("versions[1].kind", equalTo("RESOLVED")));
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/customers/" + customerId + "/interactions")
                .then().statusCode(200).body("items[0].interactionId", equalTo(id));
        ConsumerRecord<String, String> updated = KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(id)
                && EventType.INTERACTION_UPDATED.ceType().equals(CloudEvents.fromKafkaHeaders(record.headers()).type()), 1).getFirst();
        assertThat(updated.key()).isEqualTo(customerId.toString());
        assertThat(updated.value()).contains("\"version\":2");
        // ...and the contact is announced as logged in the customer's timeline, which its first InteractionLogged could not say
        ConsumerRecord<String, String> loggedForCustomer = KafkaTopics.awaitAll(Topics.INTERACTIONS, record -> record.value().contains(id)
                && record.value().contains("\"customerId\":\"" + customerId + "\"")
                && EventType.INTERACTION_LOGGED.ceType().equals(CloudEvents.fromKafkaHeaders(record.headers()).type()), 1).getFirst();
        assertThat(loggedForCustomer.key()).isEqualTo(customerId.toString());
        assertThat(loggedForCustomer.value()).contains("\"version\":2").contains("\"channel\":\"EMAIL\"");
    }

    /**
     * Not a stopwatch: identity-service holds every call unanswered, so a contact stored at all was stored because the
     * resolver's own timeout gave up on the call, and the contact is resolved once identity answers again.
     */
    @Test
    void anIdentityServiceThatNeverAnswersIsGivenUpOnByTheTimeoutAndTheContactResolvedLater() {
        identityAnswersAgain();
        String address = Contacts.uniqueAddress();
        UUID customerId = UUID.randomUUID();
        IdentityControl.assign(address, customerId);
        double timedOutBefore = identityCallsTimedOut();
        IdentityControl.silent();

        String id = given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Contacts.json(Contacts.inbound(Channel.CHAT, address, Instant.now()))).when().post("/api/v1/interactions")
                .then().statusCode(201).body("resolution", equalTo("UNRESOLVED")).body("customerId", nullValue())
                .extract().path("interactionId");

        assertThat(IdentityControl.callsFor(address)).as("identity was asked").isPositive();
        assertThat(IdentityControl.answeredFor(address)).as("and had answered nothing when the contact was stored").isZero();
        assertThat(identityCallsTimedOut()).as("the resolver's timeout cut the call off").isGreaterThan(timedOutBefore);

        IdentityControl.up();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/interactions/" + id).then().statusCode(200)
                .body("resolution", equalTo("RESOLVED"))
                .body("customerId", equalTo(customerId.toString())));
    }

    /** A contact resolves at ingestion: the circuit breaker is closed, whatever an earlier test left it. */
    private static void identityAnswersAgain() {
        IdentityControl.up();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(KeycloakTokens.forClient("channel-adapter"))
                .contentType("application/json").body(Contacts.json(Contacts.inbound(Channel.SMS, Contacts.uniqueAddress(), Instant.now())))
                .when().post("/api/v1/interactions").then().statusCode(201).body("resolution", equalTo("RESOLVED")));
    }

    /** Resolve calls the guard's own timeout (not the HTTP client's) gave up on so far: SmallRye Fault Tolerance's metric. */
    private static double identityCallsTimedOut() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("ft_timeout_calls_total{") && line.contains("method=\"identity-resolve\"")
                        && line.contains("timedOut=\"true\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void aBusySenderIsAskedAboutOnce() {
        String address = Contacts.uniqueAddress();
        for (int i = 0; i < 5; i++) {
            ingest(Contacts.inbound(Channel.SMS, address, Instant.now()));
        }
        assertThat(IdentityControl.callsFor(address)).isEqualTo(1);
    }

    @Test
    void anAddressIdentityRefusesIsStoredUnresolvableAndNotAskedAboutAgain() {
        String address = "refused-" + UUID.randomUUID() + "@mail.example";
        String id = ingest(Contacts.inbound(Channel.EMAIL, address, Instant.now()));

        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/interactions/" + id).then().statusCode(200)
                .body("resolution", equalTo("UNRESOLVABLE")).body("customerId", nullValue());
        assertThat(IdentityControl.callsFor(address)).isEqualTo(1);
    }
}
