package dev.panorama.routing.api;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.queue;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static dev.panorama.routing.api.TaskLifecycleApiTest.run;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What routing refuses, with which problem, and that a refusal leaves nothing changed. */
@QuarkusTest
class RoutingRulesApiTest {

    @AfterEach
    void aliceLogsOff() {
        presence("alice", null, "OFFLINE").statusCode(200);
    }

    @Test
    void anUnknownSkillIsRefusedForAgentsAndTasksAndNothingIsStored() {
        as("sam").body(Map.of("skills", List.of(Map.of("skill", "no-such-skill", "proficiency", 3))))
                .put("/api/v1/routing/agents/ghost-" + run()).then().statusCode(422)
                .contentType(startsWith("application/problem+json")).body("type", endsWith("/unknown-skill"));
        task("sam", Map.of("channel", "EMAIL", "requiredSkills", List.of(Map.of("skill", "no-such-skill", "minProficiency", 1))))
                .statusCode(422).body("type", endsWith("/unknown-skill"));
        task("sam", Map.of("channel", "EMAIL", "queueId", "no-such-queue")).statusCode(422).body("type", endsWith("/unknown-queue"));
        as("sam").get("/api/v1/routing/agents").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(startsWith("ghost-"))));
    }

    @Test
    void malformedRequestsNameTheField() {
        task("sam", Map.of("channel", "EMAIL", "priority", 101)).statusCode(400).body("errors.field", hasItem("priority"));
        task("sam", Map.of("channel", "PIGEON")).statusCode(400).contentType(startsWith("application/problem+json"));
        as("sam").body(Map.of("skills", List.of(Map.of("skill", "x", "proficiency", 6)))).put("/api/v1/routing/agents/someone")
                .then().statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("proficiency")));
        presence("alice", null, "WRAP_UP").statusCode(400).body("errors.field", hasItem("presence"));
        task("sam", Map.of("channel", "EMAIL", "priority", 40, "skill", "billing")).statusCode(400)
                .body("errors.field", hasItem("skill")).body("errors.message", hasItem(startsWith("unknown field")));
        as("sam").body(Map.of("skills", List.of(Map.of("skill", "x", "level", 3)))).put("/api/v1/routing/agents/someone")
                .then().statusCode(400).body("errors.field", hasItem("skills[0].level"));
        as("sam").body(Map.of("queueId", "general", "agentId", "alice")).post("/api/v1/routing/tasks/" + UUID.randomUUID() + "/transfer")
                .then().statusCode(400);
        queue("Bad Id", Map.of("name", "x", "strategy", "BEST_SCORE")).statusCode(400);
        as("sam").get("/api/v1/routing/tasks?state=SLEEPING").then().statusCode(400).body("errors.field", hasItem("state"));
        as("sam").get("/api/v1/routing/tasks?cursor=nope").then().statusCode(400).body("errors.field", hasItem("cursor"));
        as("sam").get("/api/v1/routing/tasks?limit=0").then().statusCode(400).body("errors.field", hasItem("limit"));
        as("sam").get("/api/v1/routing/tasks?limit=abc").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("limit"));
    }

    @Test
    void anAgentWithTheSameSkillTwiceIsRefusedNamingTheFieldAndLeftAsItWas() {
        String skill = "twice-" + run();
        skill(skill);
        String agentId = "twice-" + run();
        as("sam").body(Map.of("displayName", "Before", "skills", List.of(Map.of("skill", skill, "proficiency", 2))))
                .put("/api/v1/routing/agents/" + agentId).then().statusCode(201);

        as("sam").body(Map.of("displayName", "After", "skills", List.of(Map.of("skill", skill, "proficiency", 3),
                        Map.of("skill", skill, "proficiency", 5))))
                .put("/api/v1/routing/agents/" + agentId).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("skills[1].skill"));

        as("sam").get("/api/v1/routing/agents/" + agentId).then().statusCode(200).body("displayName", equalTo("Before"))
                .body("skills.skill", org.hamcrest.Matchers.contains(skill)).body("skills.proficiency", org.hamcrest.Matchers.contains(2));
    }

    @Test
    void aSkillSentAsPlainTextIsRefusedAndNotAdded() {
        String name = "plain-" + run();
        as("sam").contentType("text/plain").body("description=plain text").put("/api/v1/routing/skills/" + name)
                .then().statusCode(415).contentType(startsWith("application/problem+json"));
        as("sam").get("/api/v1/routing/skills").then().statusCode(200).body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    @Test
    void unknownThingsAreNotFound() {
        as("sam").get("/api/v1/routing/tasks/" + UUID.randomUUID()).then().statusCode(404).body("type", endsWith("/unknown-task"));
        as("alice").post("/api/v1/routing/offers/" + UUID.randomUUID() + "/acceptance").then().statusCode(404)
                .body("type", endsWith("/unknown-offer"));
        as("sam").get("/api/v1/routing/queues/no-such-queue").then().statusCode(404);
        as("sam").get("/api/v1/routing/agents/nobody-" + run()).then().statusCode(404);
    }

    @Test
    void aTaskCannotBeTransferredToAnAgentWhoIsOfflineOrFull() {
        String offline = "offline-" + run();
        agent(offline, Map.of()).statusCode(201);
        String taskId = task("sam", Map.of("channel", "PHONE", "requiredSkills", List.of(Map.of("skill", need(), "minProficiency", 1))))
                .statusCode(201).extract().path("id");

        as("sam").body(Map.of("agentId", offline)).post("/api/v1/routing/tasks/" + taskId + "/transfer").then().statusCode(422)
                .body("type", endsWith("/agent-unavailable"));
        as("sam").body(Map.of("agentId", "nobody-" + run())).post("/api/v1/routing/tasks/" + taskId + "/transfer").then()
                .statusCode(422);
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED"));

        presence("sam", offline, "AVAILABLE").statusCode(200);
        as("sam").body(Map.of("agentId", offline)).post("/api/v1/routing/tasks/" + taskId + "/transfer").then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("agentId", equalTo(offline));
        String second = task("sam", Map.of("channel", "PHONE", "requiredSkills", List.of(Map.of("skill", need(), "minProficiency", 1))))
                .statusCode(201).extract().path("id");
        as("sam").body(Map.of("agentId", offline)).post("/api/v1/routing/tasks/" + second + "/transfer").then().statusCode(422)
                .body("detail", org.hamcrest.Matchers.containsString("no room"));
        presence("sam", offline, "OFFLINE").statusCode(200);
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED"));
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + second + "/cancellation").then().statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + second + "/cancellation").then().statusCode(409)
                .body("type", endsWith("/task-state"));
    }

    @Test
    void anExpiredOfferCannotBeAcceptedAndMissedOffersSetTheAgentAway() {
        String skill = "hurry-" + run();
        skill(skill);
        String hurry = "hurry-" + run();
        queue(hurry, Map.of("name", "Hurry", "strategy", "BEST_SCORE", "offerTimeoutSeconds", 1)).statusCode(201);
        agent("alice", Map.of(skill, 3));
        presence("alice", null, "AVAILABLE").statusCode(200);
        String first = task("sam", Map.of("channel", "CHAT", "queueId", hurry,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");
        String offerId = await().atMost(Duration.ofSeconds(20)).until(() -> as("sam").get("/api/v1/routing/tasks/" + first + "/offers")
                .then().statusCode(200).extract().jsonPath().getString("items[0].offerId"), java.util.Objects::nonNull);
        as("sam").get("/api/v1/routing/tasks/" + first + "/offers").then().body("items[0].agentId", equalTo("alice"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + first + "/offers")
                .then().body("items[0].status", equalTo("EXPIRED")));
        as("alice").post("/api/v1/routing/offers/" + offerId + "/acceptance").then().statusCode(409)
                .body("type", endsWith("/offer-expired"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + first).then()
                .body("state", equalTo("QUEUED")));

        for (int i = 0; i < 2; i++) {
            task("sam", Map.of("channel", "CHAT", "queueId", hurry,
                    "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("alice").get("/api/v1/routing/agents/me").then()
                .body("presence", equalTo("AWAY")).body("presenceReason", equalTo("missed-offers")));
        as("alice").get("/api/v1/routing/agents/me/offers").then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void anAgentCannotAnswerAnotherAgentsOfferNorWrapUpTheirTask() {
        String skill = "mine-" + run();
        skill(skill);
        String other = "other-" + run();
        agent(other, Map.of(skill, 5)).statusCode(201);
        presence("sam", other, "AVAILABLE").statusCode(200);
        String taskId = task("sam", Map.of("channel", "EMAIL",
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("OFFERED")));

        String offerId = as("sam").get("/api/v1/routing/tasks/" + taskId + "/offers").then().statusCode(200)
                .body("items.agentId", org.hamcrest.Matchers.contains(other)).extract().path("items[0].offerId");
        as("alice").post("/api/v1/routing/offers/" + offerId + "/acceptance").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("alice").post("/api/v1/routing/offers/" + offerId + "/rejection").then().statusCode(403);
        as("alice").body(Map.of("disposition", "x")).post("/api/v1/routing/tasks/" + taskId + "/wrap-up").then().statusCode(403);
        as("alice").body(Map.of("queueId", "general")).post("/api/v1/routing/tasks/" + taskId + "/transfer").then().statusCode(403);
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("OFFERED")).body("agentId", equalTo(other));
        presence("sam", other, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }

    private static String need;

    /** A skill no other test's agent holds, so the tasks here wait until the test moves them. */
    private static synchronized String need() {
        if (need == null) {
            need = "waits-" + run();
            skill(need);
        }
        return need;
    }
}
