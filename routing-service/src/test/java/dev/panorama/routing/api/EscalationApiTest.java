package dev.panorama.routing.api;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.queue;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static dev.panorama.routing.api.TaskLifecycleApiTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A queue's timed steps, applied by the service's own timer to tasks that wait. */
@QuarkusTest
class EscalationApiTest {

    @Test
    void aTaskNobodyQualifiesForIsOfferedOnceTheQueueRelaxesTheMinimumProficiency() {
        String skill = "relax-" + run();
        skill(skill);
        String queueId = "relax-" + run();
        queue(queueId, Map.of("name", "Relax", "strategy", "BEST_SCORE",
                "escalationSteps", List.of(Map.of("afterSeconds", 2, "action", "RELAX_PROFICIENCY", "amount", 2)))).statusCode(201);
        String junior = "junior-" + run();
        agent(junior, Map.of(skill, 3)).statusCode(201);
        presence("sam", junior, "AVAILABLE").statusCode(200);

        String taskId = task("sam", Map.of("channel", "EMAIL", "queueId", queueId,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 5)))).statusCode(201).extract().path("id");
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED")).body("escalationLevel", equalTo(0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("escalationLevel", equalTo(1)).body("state", equalTo("OFFERED")).body("agentId", equalTo(junior)));
        presence("sam", junior, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }

    @Test
    void aTaskOverflowsToTheNextQueueAndExpiresThereAfterItsMaxWait() {
        String skill = "rare-" + run();
        skill(skill);
        String backup = "backup-" + run();
        queue(backup, Map.of("name", "Backup", "strategy", "BEST_SCORE", "maxWaitSeconds", 4)).statusCode(201);
        String first = "first-" + run();
        queue(first, Map.of("name", "First", "strategy", "BEST_SCORE", "overflowQueueId", backup,
                "escalationSteps", List.of(Map.of("afterSeconds", 1, "action", "OVERFLOW")))).statusCode(201);

        String taskId = task("sam", Map.of("channel", "CHAT", "queueId", first,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("queueId", equalTo(backup)).body("escalationLevel", equalTo(0)));
        as("sam").get("/api/v1/routing/queues/" + first).then().body("overflowQueueId", equalTo(backup));
        queue(backup, Map.of("name", "Backup", "strategy", "BEST_SCORE", "overflowQueueId", backup)).statusCode(400);
        as("sam").delete("/api/v1/routing/queues/" + backup).then().statusCode(409);

        JsonPath expired = await().atMost(Duration.ofSeconds(30)).until(() -> as("sam").get("/api/v1/routing/tasks/" + taskId)
                .then().extract().jsonPath(), task -> "EXPIRED".equals(task.getString("state")));
        assertThat(expired.getString("outcome")).isEqualTo("EXPIRED");
        assertThat(expired.getString("queueId")).isEqualTo(backup);
        assertThat(Instant.parse(expired.getString("endedAt"))).as("the backup queue's max wait, counted from the overflow")
                .isAfterOrEqualTo(Instant.parse(expired.getString("queuedAt")).plusSeconds(4));
    }

    @Test
    void tasksOfSeveralQueuesDueTogetherEachTakeTheirOwnQueuesSteps() {
        String skill = "nobody-" + run();
        skill(skill);
        String twoSteps = "two-steps-" + run();
        queue(twoSteps, Map.of("name", "Two steps", "strategy", "BEST_SCORE", "escalationSteps", List.of(
                Map.of("afterSeconds", 1, "action", "RELAX_PROFICIENCY", "amount", 1),
                Map.of("afterSeconds", 2, "action", "WIDEN_SKILLS", "amount", 0)))).statusCode(201);
        String oneStep = "one-step-" + run();
        queue(oneStep, Map.of("name", "One step", "strategy", "BEST_SCORE", "escalationSteps", List.of(
                Map.of("afterSeconds", 1, "action", "RELAX_PROFICIENCY", "amount", 1)))).statusCode(201);
        String overflowing = "overflowing-" + run();
        queue(overflowing, Map.of("name", "Overflowing", "strategy", "BEST_SCORE", "overflowQueueId", oneStep,
                "escalationSteps", List.of(Map.of("afterSeconds", 1, "action", "OVERFLOW")))).statusCode(201);
        Map<String, Object> need = Map.of("skill", skill, "minProficiency", 3);

        String inTwoSteps = task("sam", Map.of("channel", "FAX", "queueId", twoSteps, "requiredSkills", List.of(need)))
                .statusCode(201).extract().path("id");
        String inOneStep = task("sam", Map.of("channel", "FAX", "queueId", oneStep, "requiredSkills", List.of(need)))
                .statusCode(201).extract().path("id");
        String inOverflowing = task("sam", Map.of("channel", "FAX", "queueId", overflowing, "requiredSkills", List.of(need)))
                .statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as("sam").get("/api/v1/routing/tasks/" + inTwoSteps).then().body("state", equalTo("QUEUED"))
                    .body("queueId", equalTo(twoSteps)).body("escalationLevel", equalTo(2));
            as("sam").get("/api/v1/routing/tasks/" + inOverflowing).then().body("state", equalTo("QUEUED"))
                    .body("queueId", equalTo(oneStep)).body("escalationLevel", equalTo(1));
        });
        as("sam").get("/api/v1/routing/tasks/" + inOneStep).then().body("state", equalTo("QUEUED"))
                .body("queueId", equalTo(oneStep)).body("escalationLevel", equalTo(1));
        for (String taskId : List.of(inTwoSteps, inOneStep, inOverflowing)) {
            as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
        }
    }

    @Test
    void aQueueWithAMaxWaitExpiresTasksNobodyTook() {
        String skill = "never-" + run();
        skill(skill);
        String queueId = "brief-" + run();
        queue(queueId, Map.of("name", "Brief", "strategy", "BEST_SCORE", "maxWaitSeconds", 1)).statusCode(201);

        String taskId = task("sam", Map.of("channel", "FAX", "queueId", queueId,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 1)))).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("EXPIRED")).body("outcome", equalTo("EXPIRED")));
        RoutingEventsTopic.awaitMatching(record -> record.value().contains(taskId) && record.value().contains("\"outcome\":\"EXPIRED\""), 1);
    }
}
