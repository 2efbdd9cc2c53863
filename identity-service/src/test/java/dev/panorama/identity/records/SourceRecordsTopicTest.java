package dev.panorama.identity.records;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.source.SourceRecord;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Source records pushed to Kafka are resolved like REST ones; unreadable ones land in the DLQ with the reason. */
@QuarkusTest
class SourceRecordsTopicTest {

    @Test
    void aRecordOnTheTopicIsResolvedAndAnnounced() throws Exception {
        String sourceId = "K-" + UUID.randomUUID();
        SourceRecord record = new SourceRecord("loans", sourceId, Instant.now(), new PersonName(null, "Freya", null, "Kowalski", null),
                LocalDate.of(1979, 11, 30), List.of(), List.of(), List.of(), List.of(new Identifier("national-id", "K" + sourceId.hashCode(), null)));
        produce(Topics.SOURCE_RECORDS, EventJson.mapper().writeValueAsString(record), true);

        ConsumerRecord<String, String> linked = awaitOne(Topics.IDENTITY_EVENTS,
                event -> event.value().contains(sourceId) && event.value().contains("\"decision\""));
        assertThat(CloudEvents.fromKafkaHeaders(linked.headers()).type()).isEqualTo(EventType.RECORD_LINKED.ceType());
        assertThat(linked.key()).isEqualTo(CloudEvents.fromKafkaHeaders(linked.headers()).subject());
    }

    @Test
    void recordsPostedOverRestArePublishedOnTheTopicOnceEachAndNotReadBackAsNewVersions() throws Exception {
        String sourceId = "R-" + UUID.randomUUID();
        String customerId = post(sourceId, "freya.first@example.com").statusCode(201).body("version", equalTo(1))
                .extract().path("customerId");
        post(sourceId, "freya.second@example.com").statusCode(201).body("version", equalTo(2));

        List<ConsumerRecord<String, String>> published = awaitAll(Topics.SOURCE_RECORDS,
                event -> event.value().contains(sourceId), 2);
        assertThat(published).extracting(ConsumerRecord::value)
                .satisfiesExactly(first -> assertThat(first).contains("freya.first@example.com"),
                        second -> assertThat(second).contains("freya.second@example.com"));
        assertThat(published).allSatisfy(event -> {
            assertThat(CloudEvents.fromKafkaHeaders(event.headers()).source()).isEqualTo("/identity-service");
            assertThat(CloudEvents.fromKafkaHeaders(event.headers()).type()).isEqualTo(EventType.SOURCE_RECORD.ceType());
            assertThat(event.key()).isEqualTo(published.getFirst().key());
        });

        // a back-office record behind them on the same partition: once it is resolved, so were they
        String sentinel = "S-" + UUID.randomUUID();
        produce(Topics.SOURCE_RECORDS, published.getFirst().key(), EventJson.mapper().writeValueAsString(new SourceRecord("loans",
                sentinel, Instant.now(), new PersonName(null, "Ivo", null, "Sentinel" + sentinel.hashCode(), null), null,
                List.of(), List.of(), List.of(), List.of())), true);
        awaitOne(Topics.IDENTITY_EVENTS, event -> event.value().contains(sentinel));

        assertThat(awaitAll(Topics.SOURCE_RECORDS, event -> event.value().contains(sourceId) || event.value().contains(sentinel), 3))
                .as("the two versions once each, then the sentinel: nothing was published again")
                .extracting(event -> event.value().contains(sentinel)).containsExactly(false, false, true);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/identity/customers/" + customerId)
                .then().statusCode(200)
                .body("records.findAll { it.sourceId == '" + sourceId + "' }.version", contains(2));
        post(sourceId, "freya.second@example.com").statusCode(200).body("stored", equalTo(false)).body("version", equalTo(2));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReason() {
        String poison = "{\"sourceSystem\": \"loans\", \"broken\": " + UUID.randomUUID();
        produce(Topics.SOURCE_RECORDS, poison, false);

        ConsumerRecord<String, String> dead = awaitOne(Topics.deadLetter(Topics.SOURCE_RECORDS), event -> poison.equals(event.value()));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("not a SourceRecord");
    }

    @Test
    void aRecordWhoseFieldsAreAllMisspeltGoesToTheDeadLetterTopicNamingThemAndNothingIsStored() {
        String sourceId = "M-" + UUID.randomUUID();
        String misspelt = "{\"sourceSystem\": \"loans\", \"sourceId\": \"" + sourceId
                + "\", \"givenName\": \"Freya\", \"birthDate\": \"1979-11-30\"}";
        produce(Topics.SOURCE_RECORDS, misspelt, true);

        ConsumerRecord<String, String> dead = awaitOne(Topics.deadLetter(Topics.SOURCE_RECORDS), event -> misspelt.equals(event.value()));
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("nothing to recognise its customer by").contains("givenName, birthDate");
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json")
                .body(Map.of("sourceSystem", "loans", "sourceId", sourceId, "name", Map.of("given", "Freya", "family", "Misspelt" + Math.abs(sourceId.hashCode()))))
                .when().post("/api/v1/identity/records")
                .then().statusCode(201).body("version", equalTo(1)).body("decision", equalTo("NEW"));
    }

    private static io.restassured.response.ValidatableResponse post(String sourceId, String email) {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json")
                .body(Map.of("sourceSystem", "web-shop", "sourceId", sourceId,
                        "name", Map.of("given", "Freya", "family", "Nakamura" + Math.abs(sourceId.hashCode())),
                        "dateOfBirth", "1984-06-02", "emails", List.of(email)))
                .when().post("/api/v1/identity/records").then();
    }

    private static void produce(String topic, String value, boolean cloudEvent) {
        produce(topic, null, value, cloudEvent);
    }

    private static void produce(String topic, String key, String value, boolean cloudEvent) {
        KafkaTopics.produce(topic, key, value, cloudEvent ? BackOfficeEvents.sourceRecordHeaders() : List.of());
    }

    private static ConsumerRecord<String, String> awaitOne(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return awaitAll(topic, wanted, 1).getFirst();
    }

    private static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return KafkaTopics.awaitAll(topic, wanted, count);
    }
}
