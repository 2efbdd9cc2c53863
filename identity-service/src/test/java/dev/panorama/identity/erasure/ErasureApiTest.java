package dev.panorama.identity.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Erasing a customer: personal data gone from PostgreSQL, a tombstone, CustomerErased on Kafka, never found again. */
@QuarkusTest
class ErasureApiTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Inject
    javax.sql.DataSource jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Every character of the run as a letter: similar names from other tests would be fuzzy matches. */
    private final String family = "Erasmus" + run.chars().mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
            .collect(java.util.stream.Collectors.joining());
    private final String email = "eve." + run + "@example.com";

    @Test
    void anAdminErasesACustomerAndNothingPersonalRemainsOrComesBack() {
        String customerId = store(person("crm", "C-" + run, "Evelyn")).statusCode(201).extract().path("customerId");
        store(person("billing", "B-" + run, "Eve")).statusCode(201).body("customerId", equalTo(customerId));
        resolve().body("customerId", equalTo(customerId));

        assertThat(blockingKeysOf(customerId)).as("the index rows of the records' keys, before").isPositive();

        erase(customerId, KeycloakTokens.forUser("ada")).statusCode(204);

        assertThat(blockingKeysOf(customerId)).as("blocking keys left behind by the erased records").isZero();
        assertThat(erasedEvents(customerId)).singleElement().satisfies(event -> {
            assertThat(CloudEvents.fromKafkaHeaders(event.headers()).type()).isEqualTo("panorama.identity.CustomerErased.v1");
            assertThat(event.value()).contains("\"actor\":\"ada\"").doesNotContain(family).doesNotContain(email);
        });
        assertThat(rowsMentioning(family)).as("rows still holding the name").isZero();
        assertThat(rowsMentioning(email)).as("rows still holding the email").isZero();
        assertThat(versionsOf(customerId)).as("history stays countable").isEqualTo(3);

        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/identity/customers/" + customerId)
                .then().statusCode(410).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://panorama.dev/problems/customer-erased"))
                .body("customerId", equalTo(customerId))
                .body("erasedBy", equalTo("ada"))
                .body("erasedAt", notNullValue())
                .body(not(containsString(family)));
        erase(customerId, KeycloakTokens.forUser("ada")).statusCode(204);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).queryParam("type", "email").queryParam("value", email)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds.size()", equalTo(0));

        // the same person sent again is someone new: the erased customer is never resurrected
        String again = store(person("crm", "C-" + run, "Evelyn")).statusCode(201)
                .body("decision", equalTo("NEW")).body("version", equalTo(2))
                .extract().path("customerId");
        assertThat(again).isNotEqualTo(customerId);
        resolve().body("customerId", equalTo(again));
        assertThat(erasedEvents(customerId)).as("a repeated erasure publishes nothing").hasSize(1);
    }

    @Test
    void theMergesOfAnErasedCustomerNoLongerNameTheAddressesItWasKnownBy() {
        String customerId = store(person("crm", "C-" + run, "Evelyn")).statusCode(201).extract().path("customerId");
        String address = "mail." + run + "@example.net";
        String prospect = given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Map.of("channel", "EMAIL", "address", address))
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(200).extract().path("customerId");
        assertThat(prospect).isNotEqualTo(customerId);
        dev.panorama.identity.merge.StewardshipApi.merge("dana", customerId, List.of(prospect), Map.of()).statusCode(201);
        dev.panorama.identity.merge.StewardshipApi.history("ada", customerId).statusCode(200)
                .body(containsString(address));

        erase(customerId, KeycloakTokens.forUser("ada")).statusCode(204);

        dev.panorama.identity.merge.StewardshipApi.history("ada", customerId).statusCode(200)
                .body("kind", org.hamcrest.Matchers.hasItem("MERGE"))
                .body(not(containsString(address)));
        assertThat(rowsMentioning(address)).as("rows still holding the address").isZero();
    }

    /** The relay's turn held, as by a relay pass of another replica that cannot reach Kafka: nothing is published meanwhile. */
    @Test
    void aSplitStillToBeRelayedWhenItsCustomerIsErasedIsPublishedAllTheSame() throws Exception {
        String customerId = store(person("crm", "C-" + run, "Evelyn")).statusCode(201).extract().path("customerId");
        store(person("billing", "B-" + run, "Eve")).statusCode(201).body("customerId", equalTo(customerId));
        String billing = dev.panorama.identity.merge.StewardshipApi.customer(customerId).extract()
                .path("records.find { it.sourceSystem == 'billing' }.recordId");
        String splitId;
        try (java.sql.Connection otherReplica = jdbc.getConnection()) {
            otherReplica.setAutoCommit(false);
            try (java.sql.Statement turn = otherReplica.createStatement()) {
                turn.execute(dev.panorama.outbox.OutboxRepository.RELAY_TURN);
            }
            splitId = dev.panorama.identity.merge.StewardshipApi.post("dana", "/api/v1/identity/splits",
                            Map.of("customerId", customerId, "recordIds", List.of(billing), "reason", "two people"))
                    .statusCode(201).extract().path("id");
            erase(customerId, KeycloakTokens.forUser("ada")).statusCode(204);
            otherReplica.rollback();
        }

        assertThat(dev.panorama.identity.merge.StewardshipApi.awaitEvent(customerId, "panorama.identity.CustomerSplit.v1",
                value -> value.contains(splitId))).isNotNull();
    }

    @Test
    void erasingAMergedCustomerNamesTheSurvivorAndErasingTheSurvivorErasesBoth() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        sql("insert into customer (id, status, created_at, updated_at) values ($1, 'ACTIVE', now(), now())", survivor);
        sql("insert into customer (id, status, merged_into, created_at, updated_at) values ($1, 'MERGED', $2, now(), now())",
                merged, survivor);
        sql("insert into source_record (id, source_system, source_id, version, current, content_hash, payload, normalised,"
                + " customer_id, received_at) values ($1, 'crm', $2, 1, true, 'x', cast($3 as text)::jsonb, '{}'::jsonb, $4, now())",
                UUID.randomUUID(), "M-" + run, "{\"emails\":[\"" + email + "\"]}", merged);

        erase(merged.toString(), KeycloakTokens.forUser("ada"))
                .statusCode(409).contentType(startsWith("application/problem+json"))
                .body("detail", containsString(survivor.toString()));

        erase(survivor.toString(), KeycloakTokens.forUser("ada")).statusCode(204);
        assertThat(rowsMentioning(email)).isZero();
        given().auth().oauth2(KeycloakTokens.forUser("dana"))
                .when().get("/api/v1/identity/customers/" + merged)
                .then().statusCode(410).body("erasedBy", equalTo("ada"));
        assertThat(erasedEvents(merged.toString())).hasSize(1);
    }

    @Test
    void onlyAdminsEraseAndUnknownCustomersAreNotFound() {
        String customerId = store(person("crm", "R-" + run, "Evelyn")).statusCode(201).extract().path("customerId");

        erase(customerId, KeycloakTokens.forUser("alice")).statusCode(403);
        erase(customerId, KeycloakTokens.forUser("dana")).statusCode(403);
        given().when().delete("/api/v1/identity/customers/" + customerId).then().statusCode(401);
        erase(UUID.randomUUID().toString(), KeycloakTokens.forUser("ada"))
                .statusCode(404).contentType(startsWith("application/problem+json"));
        erase("not-a-uuid", KeycloakTokens.forUser("ada")).statusCode(404);

        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/identity/customers/" + customerId)
                .then().statusCode(200).body("golden.name.value.given", equalTo("Evelyn"));
    }

    private static ValidatableResponse erase(String customerId, String token) {
        return given().auth().oauth2(token).when().delete("/api/v1/identity/customers/" + customerId).then();
    }

    private static ValidatableResponse store(Map<String, Object> body) {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(body)
                .when().post("/api/v1/identity/records").then();
    }

    private ValidatableResponse resolve() {
        return given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Map.of("channel", "EMAIL", "address", email, "displayName", "Eve " + family))
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(200);
    }

    private Map<String, Object> person(String system, String id, String given) {
        return new HashMap<>(Map.of("sourceSystem", system, "sourceId", id,
                "name", Map.of("given", given, "family", family), "dateOfBirth", "1979-03-14",
                "emails", List.of(email), "phones", List.of("+44 7700 9" + String.format("%05d", Math.floorMod(run.hashCode(), 100000))),
                "identifiers", List.of(Map.of("type", "national-id", "value", "ER" + Math.abs(run.hashCode()))),
                "addresses", List.of(Map.of("lines", List.of(Math.floorMod(family.hashCode(), 9000) + " " + family + " Rd"),
                        "locality", "Leeds", "postcode", "LS1 4AP"))));
    }

    /** Rows anywhere in the identity graph, its decisions or its outbox whose text contains the value. */
    private long rowsMentioning(String value) {
        String like = "%" + value.toLowerCase() + "%";
        String sql = "select (select count(*) from source_record where lower(payload::text) like $1 or lower(normalised::text) like $1"
                + " or lower(source_id) like $1 or lower(blocking_keys::text) like $1)"
                + " + (select count(*) from blocking_key where lower(key) like $1)"
                + " + (select count(*) from match_decision where lower(explanation::text) like $1)"
                + " + (select count(*) from outbox_event where lower(payload::text) like $1)"
                + " + (select count(*) from identity_change where lower(before_sides::text) like $1 or lower(after_sides::text) like $1)";
        return sql(sql, like).iterator().next().getLong(0);
    }

    /**
     * The blocking index's rows for the customer's records: those listed on the records' rows, and any row of the
     * index naming one of the records (looked for without the index a record's keys no longer need).
     */
    private long blockingKeysOf(String customerId) {
        UUID customer = UUID.fromString(customerId);
        long listed = sql("select count(*) from source_record r cross join unnest(r.blocking_keys) k(key)"
                + " join blocking_key b on b.key = k.key and b.record_id = r.id where r.customer_id = $1", customer)
                .iterator().next().getLong(0);
        long indexed = sql("select count(*) from blocking_key where record_id in (select id from source_record where customer_id = $1)",
                customer).iterator().next().getLong(0);
        return listed + indexed;
    }

    private long versionsOf(String customerId) {
        return sql("select count(*) from source_record where customer_id = $1", UUID.fromString(customerId)).iterator().next().getLong(0);
    }

    private io.vertx.mutiny.sqlclient.RowSet<Row> sql(String sql, Object... parameters) {
        return database.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(Duration.ofSeconds(10));
    }

    private List<ConsumerRecord<String, String>> erasedEvents(String customerId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "erasure-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.IDENTITY_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (customerId.equals(record.key()) && record.value().contains("\"erasedAt\"")) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> {
                if (customerId.equals(record.key()) && record.value().contains("\"erasedAt\"")) {
                    found.add(record);
                }
            });
        }
        return found;
    }
}
