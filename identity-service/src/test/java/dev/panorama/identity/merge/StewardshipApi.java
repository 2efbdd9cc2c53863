package dev.panorama.identity.merge;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import dev.panorama.identity.review.StewardshipPeople;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** What the stewardship tests do over REST and read from Kafka, as a user and a consumer would. */
public final class StewardshipApi {

    private StewardshipApi() {
    }

    public static ValidatableResponse store(StewardshipPeople.Person person) {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system"))
                .contentType("application/json").body(person.body())
                .when().post("/api/v1/identity/records")
                .then();
    }

    /** A record given as a request body of its own making. */
    public static ValidatableResponse store(Map<String, Object> body) {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system"))
                .contentType("application/json").body(body)
                .when().post("/api/v1/identity/records")
                .then();
    }

    public static String storeNew(StewardshipPeople.Person person) {
        return store(person).statusCode(201).extract().path("customerId");
    }

    public static ValidatableResponse customer(String id) {
        return given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/identity/customers/" + id)
                .then().statusCode(200);
    }

    public static List<String> recordIdsOf(String customerId) {
        return customer(customerId).extract().path("records.recordId");
    }

    public static ValidatableResponse post(String user, String path, Object body) {
        return given().auth().oauth2(KeycloakTokens.forUser(user)).contentType("application/json").body(body)
                .when().post(path).then();
    }

    public static ValidatableResponse merge(String user, String survivor, List<String> merged, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("survivorId", survivor, "mergedIds", merged,
                "reason", "same person, confirmed by phone"));
        body.putAll(extra);
        return post(user, "/api/v1/identity/merges", body);
    }

    public static ValidatableResponse history(String user, String customerId) {
        return given().auth().oauth2(KeycloakTokens.forUser(user))
                .when().get("/api/v1/identity/customers/" + customerId + "/history").then();
    }

    /** The first event of the type, keyed by the customer, whose JSON satisfies the test, from the start of the topic. */
    public static ConsumerRecord<String, String> awaitEvent(String customerId, String ceType, Predicate<String> value) {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "stewardship-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.IDENTITY_EVENTS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (found[0] == null && customerId.equals(record.key())
                            && ceType.equals(CloudEvents.fromKafkaHeaders(record.headers()).type()) && value.test(record.value())) {
                        found[0] = record;
                    }
                });
                return found[0] != null;
            });
        }
        return found[0];
    }
}
