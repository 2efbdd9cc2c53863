package dev.panorama.routing.api;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.queue;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import dev.panorama.events.channel.Channel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A task from creation to completion through the API the agent console uses, and the events it leaves. */
@QuarkusTest
class TaskLifecycleApiTest {

    @AfterEach
    void aliceLogsOff() {
        presence("alice", null, "OFFLINE").statusCode(200);
        presence("sam", "ben", "OFFLINE").statusCode(org.hamcrest.Matchers.oneOf(200, 404));
    }

    @Test
    void aTaskIsOfferedToTheQualifiedAgentAcceptedWrappedUpAndCompleted() {
        String billing = "billing-" + run();
        skill(billing);
        agent("alice", Map.of(billing, 4)).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        presence("alice", null, "AVAILABLE").statusCode(200).body("presence", equalTo("AVAILABLE"));
        UUID customer = UUID.randomUUID();

        String taskId = task("sam", Map.of("channel", "EMAIL", "priority", 40, "customerId", customer.toString(),
                "subject", "Card declined", "requiredSkills", List.of(Map.of("skill", billing, "minProficiency", 3))))
                .statusCode(201).body("state", equalTo("OFFERED")).body("agentId", equalTo("alice"))
                .body("offeredAt", notNullValue()).extract().path("id");

        JsonPath offer = awaitOffer(taskId);
        assertThat(offer.getString("channel")).isEqualTo("EMAIL");
        assertThat(offer.getString("subject")).isEqualTo("Card declined");
        assertThat(offer.getString("customerId")).isEqualTo(customer.toString());
        assertThat(offer.getString("expiresAt")).isNotNull();
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("agentId", equalTo("alice"));

        as("alice").post("/api/v1/routing/offers/" + offer.getString("offerId") + "/acceptance").then().statusCode(200)
                .body("state", equalTo("ASSIGNED")).body("agentId", equalTo("alice")).body("assignedAt", notNullValue());
        as("alice").get("/api/v1/routing/agents/me/tasks").then().statusCode(200).body("items.id", hasItem(taskId));
        as("alice").get("/api/v1/routing/agents/me").then().statusCode(200).body("load.EMAIL", equalTo(1));

        as("alice").body(Map.of("disposition", "resolved")).post("/api/v1/routing/tasks/" + taskId + "/wrap-up").then()
                .statusCode(200).body("state", equalTo("WRAP_UP")).body("disposition", equalTo("resolved"));
        as("alice").get("/api/v1/routing/agents/me").then().body("presence", equalTo("WRAP_UP"));

        as("alice").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/completion").then()
                .statusCode(200).body("state", equalTo("COMPLETED")).body("outcome", equalTo("COMPLETED"));
        as("alice").get("/api/v1/routing/agents/me").then().body("presence", equalTo("AVAILABLE"))
                .body("load.EMAIL", org.hamcrest.Matchers.nullValue());
        as("sam").get("/api/v1/routing/tasks?state=COMPLETED&agentId=alice&limit=200").then().statusCode(200)
                .body("items.id", hasItem(taskId));

        List<ConsumerRecord<String, String>> events = RoutingEventsTopic.awaitMentioning(taskId, 4);
        assertThat(events).extracting(RoutingEventsTopic::type).containsExactly("panorama.routing.TaskCreated.v1",
                "panorama.routing.TaskOffered.v1", "panorama.routing.TaskAssigned.v1", "panorama.routing.TaskCompleted.v1");
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(customer.toString());
        assertThat(events.getLast().value()).contains("\"disposition\":\"resolved\"").contains("\"agentId\":\"alice\"");
    }

    @Test
    void wrapUpEndsByItselfWhenTheQueueSaysSo() {
        String queue = "quick-" + run();
        String skill = "quick-" + run();
        skill(skill);
        RoutingApi.queue(queue, Map.of("name", "Quick", "strategy", "BEST_SCORE", "wrapUpSeconds", 1)).statusCode(201);
        agent("alice", Map.of(skill, 2));
        presence("alice", null, "AVAILABLE").statusCode(200);
        String taskId = task("alice", Map.of("channel", "CHAT", "queueId", queue,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");
        as("alice").post("/api/v1/routing/offers/" + awaitOffer(taskId).getString("offerId") + "/acceptance").then().statusCode(200);

        as("alice").body(Map.of("disposition", "sold")).post("/api/v1/routing/tasks/" + taskId + "/wrap-up").then().statusCode(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("COMPLETED")).body("disposition", equalTo("sold")));
        as("alice").get("/api/v1/routing/agents/me").then().body("presence", equalTo("AVAILABLE"));
    }

    @Test
    void aRejectedTaskGoesToTheNextAgentAndTheRejecterIsNotAskedAgain() {
        String skill = "reject-" + run();
        skill(skill);
        agent("alice", Map.of(skill, 5));
        presence("alice", null, "AVAILABLE").statusCode(200);
        String taskId = task("sam", Map.of("channel", "EMAIL",
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");
        String offerId = awaitOffer(taskId).getString("offerId");

        as("alice").post("/api/v1/routing/offers/" + offerId + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        String colleague = "colleague-" + run();
        agent(colleague, Map.of(skill, 1)).statusCode(201);
        presence("sam", colleague, "AVAILABLE").statusCode(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("OFFERED")).body("agentId", equalTo(colleague)));
        presence("sam", colleague, "OFFLINE").statusCode(200);
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED"));
        as("sam").body(Map.of("reason", "test over")).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then()
                .statusCode(200).body("state", equalTo("CANCELLED"));
        as("sam").get("/api/v1/routing/tasks/" + taskId + "/offers").then().statusCode(200)
                .body("items.status", org.hamcrest.Matchers.contains("REJECTED", "WITHDRAWN"))
                .body("items.agentId", org.hamcrest.Matchers.contains("alice", colleague));
    }

    /**
     * A rotation's task is answered as queued (its round, which moves the queue's cursor, runs after commit) and is
     * offered to the agents in turn, whatever their skills: never twice in a row to one agent with room for both.
     */
    @Test
    void aRotationOffersItsTasksAfterCreationToItsAgentsInTurn() {
        String rotation = "rotation-" + run();
        queue(rotation, Map.of("name", "Rotation", "strategy", "ROUND_ROBIN")).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        for (String agent : List.of("alice", "ben")) {
            as("sam").body(Map.of("displayName", "Agent " + agent, "skills", List.of(), "capacity", Map.of("FAX", 2)))
                    .put("/api/v1/routing/agents/" + agent).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            presence("sam", agent, "AVAILABLE").statusCode(200);
        }

        List<String> offeredTo = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String taskId = task("sam", Map.of("channel", "FAX", "queueId", rotation, "subject", "Fax " + i))
                    .statusCode(201).body("state", equalTo("QUEUED")).extract().path("id");
            offeredTo.add(await().atMost(Duration.ofSeconds(20)).until(() -> as("sam").get("/api/v1/routing/tasks/" + taskId)
                    .then().statusCode(200).extract().jsonPath(), task -> "OFFERED".equals(task.getString("state"))).getString("agentId"));
        }
        // other tests' agents may be available too (a rotation is skill-blind): the rotation moves on after each offer
        assertThat(offeredTo.get(1)).isNotEqualTo(offeredTo.get(0));
        assertThat(offeredTo.get(2)).isNotEqualTo(offeredTo.get(1));
    }

    /**
     * A task transferred to another queue waits there for that queue's max wait from the transfer, however long it was
     * held before: it neither expires at once for the time since it came in nor outlives the new queue's max wait.
     */
    @Test
    void aTaskTransferredToAQueueWaitsThereForThatQueuesMaxWaitFromTheTransfer() {
        String skill = "held-" + run();
        skill(skill);
        String brief = "brief-" + run();
        queue(brief, Map.of("name", "Brief", "strategy", "BEST_SCORE", "maxWaitSeconds", 2)).statusCode(201);
        String billing = "billing-" + run();
        queue(billing, Map.of("name", "Billing", "strategy", "BEST_SCORE", "maxWaitSeconds", 4)).statusCode(201);
        String taskId = acceptedByAlice(brief, skill);
        holdFor(Duration.ofMillis(2_500));
        presence("alice", null, "BUSY").statusCode(200);

        Instant transferred = Instant.parse(as("sam").body(Map.of("queueId", billing)).post("/api/v1/routing/tasks/" + taskId + "/transfer")
                .then().statusCode(200).body("state", equalTo("QUEUED")).body("queueId", equalTo(billing))
                .extract().<String>path("queuedAt"));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> as("sam")
                .get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED")));
        JsonPath expired = awaitState(taskId, "EXPIRED");
        assertThat(Instant.parse(expired.getString("endedAt"))).isAfterOrEqualTo(transferred.plusSeconds(4));
        RoutingEventsTopic.awaitMatching(record -> record.value().contains(taskId) && record.value().contains("\"outcome\":\"EXPIRED\""), 1);
    }

    /**
     * A task transferred to an agent starts afresh in its queue: when that agent turns the offer down, it waits there
     * for the queue's max wait from the transfer, not from when it first came in.
     */
    @Test
    void aTaskTransferredToAnAgentWhoTurnsItDownWaitsAfreshInItsQueue() {
        String skill = "handed-" + run();
        skill(skill);
        String handover = "handover-" + run();
        queue(handover, Map.of("name", "Handover", "strategy", "BEST_SCORE", "maxWaitSeconds", 4)).statusCode(201);
        String taskId = acceptedByAlice(handover, skill);
        holdFor(Duration.ofMillis(4_500));
        presence("alice", null, "BUSY").statusCode(200);
        agent("ben", Map.of(skill, 1)).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        presence("ben", null, "AVAILABLE").statusCode(200);

        JsonPath transferred = as("sam").body(Map.of("agentId", "ben")).post("/api/v1/routing/tasks/" + taskId + "/transfer")
                .then().statusCode(200).body("state", equalTo("OFFERED")).body("agentId", equalTo("ben"))
                .body("escalationLevel", equalTo(0)).extract().jsonPath();
        assertThat(transferred.getString("queuedAt")).as("in its queue afresh from the transfer").isEqualTo(transferred.getString("offeredAt"));
        String offerId = as("ben").get("/api/v1/routing/agents/me/offers").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.taskId == '" + taskId + "' }.offerId");
        as("ben").post("/api/v1/routing/offers/" + offerId + "/rejection").then().statusCode(200);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> as("sam")
                .get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED")));
        JsonPath expired = awaitState(taskId, "EXPIRED");
        assertThat(Instant.parse(expired.getString("endedAt"))).isAfterOrEqualTo(Instant.parse(transferred.getString("offeredAt")).plusSeconds(4));
        as("sam").get("/api/v1/routing/tasks/" + taskId + "/offers").then()
                .body("items.status", org.hamcrest.Matchers.contains("ACCEPTED", "REJECTED"));
    }

    /**
     * An agent who transfers a task to a queue is not offered it back, though it still has room and the task, which
     * keeps its age, heads the queue; a colleague who may take it is.
     */
    @Test
    void anAgentWhoTransfersATaskToAQueueIsNotOfferedItBack() {
        String skill = "passed-" + run();
        skill(skill);
        String sales = "sales-" + run();
        queue(sales, Map.of("name", "Sales", "strategy", "BEST_SCORE")).statusCode(201);
        String billing = "billing-" + run();
        queue(billing, Map.of("name", "Billing", "strategy", "BEST_SCORE")).statusCode(201);
        String taskId = acceptedByAlice(sales, skill);

        as("alice").body(Map.of("queueId", billing)).post("/api/v1/routing/tasks/" + taskId + "/transfer").then()
                .statusCode(200).body("state", equalTo("QUEUED")).body("queueId", equalTo(billing));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> as("sam")
                .get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED")));
        as("alice").get("/api/v1/routing/agents/me/offers").then().body("items.taskId", org.hamcrest.Matchers.not(hasItem(taskId)));
        String colleague = "colleague-" + run();
        agent(colleague, Map.of(skill, 1)).statusCode(201);
        presence("sam", colleague, "AVAILABLE").statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("OFFERED")).body("agentId", equalTo(colleague)));
        presence("sam", colleague, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }

    /**
     * "Longest idle" counts from when an agent became available: one back from offline just now has been idle for
     * less time than one who has been available since before, whenever it was last available.
     */
    @Test
    void anAgentBackFromOfflineIsIdleFromItsReturnNotFromBeforeItLeft() {
        String skill = "idle-" + run();
        skill(skill);
        // ids in this order: a tie would go to the returning agent, so only the waiting agent's longer idle time picks it
        String returning = "a-returning-" + run();
        String waiting = "b-waiting-" + run();
        for (String agentId : List.of(returning, waiting)) {
            as("sam").body(Map.of("displayName", "Agent " + agentId, "skills", List.of(Map.of("skill", skill, "proficiency", 3)),
                    "capacity", socialOnly())).put("/api/v1/routing/agents/" + agentId).then().statusCode(201);
        }
        presence("sam", returning, "AVAILABLE").statusCode(200);
        presence("sam", returning, "OFFLINE").statusCode(200);
        presence("sam", waiting, "AVAILABLE").statusCode(200);
        presence("sam", returning, "AVAILABLE").statusCode(200);
        for (String agentId : List.of(returning, waiting)) {
            as("sam").get("/api/v1/routing/agents/" + agentId).then().body("load.SOCIAL", org.hamcrest.Matchers.nullValue());
        }

        String taskId = task("sam", Map.of("channel", "SOCIAL", "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1))))
                .statusCode(201).extract().path("id");

        awaitState(taskId, "OFFERED");
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("agentId", equalTo(waiting));
        presence("sam", returning, "OFFLINE").statusCode(200);
        presence("sam", waiting, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }

    /** Room on the social channel alone, so that no other test's waiting task takes a slot of these agents. */
    private static Map<String, Integer> socialOnly() {
        Map<String, Integer> capacity = new java.util.HashMap<>();
        for (Channel channel : Channel.values()) {
            capacity.put(channel.name(), channel == Channel.SOCIAL ? 1 : 0);
        }
        return capacity;
    }

    /** A new task of the queue that needs the skill, offered to alice (who alone holds it) and accepted. */
    private static String acceptedByAlice(String queueId, String skill) {
        agent("alice", Map.of(skill, 3));
        presence("alice", null, "AVAILABLE").statusCode(200);
        String taskId = task("sam", Map.of("channel", "CHAT", "queueId", queueId,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");
        as("alice").post("/api/v1/routing/offers/" + awaitOffer(taskId).getString("offerId") + "/acceptance").then()
                .statusCode(200).body("state", equalTo("ASSIGNED"));
        return taskId;
    }

    private static JsonPath awaitState(String taskId, String state) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> as("sam").get("/api/v1/routing/tasks/" + taskId)
                .then().statusCode(200).extract().jsonPath(), task -> state.equals(task.getString("state")));
    }

    /** The agent handles the task this long before passing it on. */
    private static void holdFor(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonPath awaitOffer(String taskId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> as("alice").get("/api/v1/routing/agents/me/offers")
                .then().statusCode(200).extract().jsonPath(), offers -> offers.getList("items.taskId").contains(taskId))
                .setRootPath("items.find { it.taskId == '" + taskId + "' }");
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
