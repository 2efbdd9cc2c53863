package dev.panorama.routing.intake;

import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.skill;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.RoutingHints;
import dev.panorama.routing.api.RoutingEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Contacts that need an answer become tasks, through the real broker, with the customer's profile hints when profile answers. */
@QuarkusTest
class InteractionIntakeTest {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Inject
    Pool pool;

    @Test
    void aContactNeedingAnAnswerBecomesOneTaskWithItsSkillsAndTheCustomersHints() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String product = "cards-" + run;
        skill(product);
        skill("lang:de");
        UUID customer = UUID.randomUUID();
        profileAnswers(customer, "{\"customerId\":\"" + customer + "\",\"tier\":\"gold\",\"priorityBoost\":20,\"openCaseCount\":1,"
                + "\"recentAgents\":[{\"agentId\":\"alice\"},{\"agentId\":\"bea\"},{\"agentId\":\"alice\"}]}");
        InteractionLogged contact = contact(customer, true, new RoutingHints("de", "complaint", List.of(product, "unknown-" + run), 30));

        publish(Topics.INTERACTIONS, customer.toString(), contact);
        publish(Topics.INTERACTIONS, customer.toString(), contact);

        ConsumerRecord<String, String> created = RoutingEventsTopic.awaitMentioning(contact.interactionId().toString(), 1).getFirst();
        assertThat(RoutingEventsTopic.type(created)).isEqualTo("panorama.routing.TaskCreated.v1");
        assertThat(created.key()).isEqualTo(customer.toString());
        String taskId = JSON.readTree(created.value()).get("taskId").asText();
        JsonPath task = as("sam").get("/api/v1/routing/tasks/" + taskId).then().statusCode(200).extract().jsonPath();
        assertThat(task.getString("channel")).isEqualTo("EMAIL");
        assertThat(task.getInt("priority")).isEqualTo(50);
        assertThat(task.getList("requiredSkills.skill")).containsExactly(product, "lang:de");
        assertThat(task.getList("preferredAgents")).containsExactly("alice", "bea");
        assertThat(task.getString("source")).isEqualTo("INTERACTION");
        assertThat(task.getString("subject")).isEqualTo("complaint");
        // the redelivery (another ce_id, same interaction) was read too: it follows on the same partition
        await().atMost(Duration.ofSeconds(20)).until(() -> consumedUpTo(contact.interactionId()));
        assertThat(count("select count(*) from routing_task where interaction_id = $1", contact.interactionId())).isEqualTo(1);
        cancel(taskId);
    }

    @Test
    void aSlowProfileCostsTheTaskItsHintsNotItsCreation() {
        UUID customer = UUID.randomUUID();
        profileAnswers(customer, "slow");
        InteractionLogged contact = contact(customer, true, new RoutingHints(null, null, List.of(), 25));
        long start = System.nanoTime();

        publish(Topics.INTERACTIONS, customer.toString(), contact);

        ConsumerRecord<String, String> created = RoutingEventsTopic.awaitMentioning(contact.interactionId().toString(), 1).getFirst();
        assertThat(created.value()).contains("\"priority\":25");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        cancel(taskIdOf(created));
    }

    @Test
    void aContactNeedingNoAnswerMakesNoTask() {
        UUID customer = UUID.randomUUID();
        InteractionLogged quiet = contact(customer, false, null);
        InteractionLogged loud = contact(customer, true, null);

        publish(Topics.INTERACTIONS, customer.toString(), quiet);
        publish(Topics.INTERACTIONS, customer.toString(), loud);

        // same key, same partition: once the second is a task, the first was handled
        cancel(taskIdOf(RoutingEventsTopic.awaitMentioning(loud.interactionId().toString(), 1).getFirst()));
        assertThat(count("select count(*) from routing_task where interaction_id = $1", quiet.interactionId())).isZero();
    }

    @Test
    void anUnreadableContactGoesToTheDeadLetterTopicWithTheReason() {
        String key = UUID.randomUUID().toString();
        produce(Topics.INTERACTIONS, key, "{\"interactionId\": 42", EventType.INTERACTION_LOGGED.ceType());

        ConsumerRecord<String, String> dead = awaitOn(Topics.deadLetter(Topics.INTERACTIONS), key);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not a panorama.interaction.InteractionLogged.v1");
    }

    @Test
    void mergedCustomersTasksMoveToTheSurvivorOnce() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        skill("lang:de");
        String taskId = as("sam").body(Map.of("channel", "EMAIL", "customerId", merged.toString(),
                        "requiredSkills", List.of(Map.of("skill", "lang:de", "minProficiency", 5))))
                .post("/api/v1/routing/tasks").then().statusCode(201).extract().path("id");

        publish(Topics.IDENTITY_EVENTS, survivor.toString(), new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged),
                "same person", "dana", 0.99, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("customerId", org.hamcrest.Matchers.equalTo(survivor.toString())));
        cancel(taskId);
    }

    /** Whether the service's consumer group committed past both records of this test (its lag on the topic is 0). */
    private boolean consumedUpTo(UUID interactionId) {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(Map.of("bootstrap.servers", bootstrap()))) {
            var committed = admin.listConsumerGroupOffsets("routing-service").partitionsToOffsetAndMetadata().get();
            var latest = admin.listOffsets(committed.keySet().stream().filter(partition -> partition.topic().equals(Topics.INTERACTIONS))
                    .collect(java.util.stream.Collectors.toMap(partition -> partition,
                            partition -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
            return latest.entrySet().stream().allMatch(entry -> committed.get(entry.getKey()).offset() >= entry.getValue().offset());
        } catch (Exception e) {
            return false;
        }
    }

    private static InteractionLogged contact(UUID customer, boolean needsResponse, RoutingHints hints) {
        return new InteractionLogged(UUID.randomUUID(), customer, null, Channel.EMAIL, Direction.INBOUND, Instant.now(),
                "mail", "M-" + UUID.randomUUID(), needsResponse, hints, List.of(), null, 1);
    }

    private static void profileAnswers(UUID customer, String answer) {
        given().body(answer).put(ConfigProvider.getConfig().getValue("quarkus.rest-client.profile.url", String.class)
                + "/_control/" + customer).then().statusCode(204);
    }

    private static void cancel(String taskId) {
        as("sam").body(Map.of("reason", "test over")).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }

    private static String taskIdOf(ConsumerRecord<String, String> created) {
        try {
            return JSON.readTree(created.value()).get("taskId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String query, Object... params) {
        return pool.preparedQuery(query).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static void publish(String topic, String key, Record event) {
        try {
            produce(topic, key, JSON.writeValueAsString(event), EventType.of(event.getClass()).ceType());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void produce(String topic, String key, String value, String ceType) {
        KafkaTopics.produce(topic, key, value,
                CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.ofCeType(ceType).orElseThrow(), "/test", key, Instant.now())));
    }

    private static ConsumerRecord<String, String> awaitOn(String topic, String key) {
        return KafkaTopics.awaitAll(topic, record -> key.equals(record.key()), 1).getFirst();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
