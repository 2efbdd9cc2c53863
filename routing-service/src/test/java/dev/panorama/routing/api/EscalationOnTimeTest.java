package dev.panorama.routing.api;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.queue;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static dev.panorama.routing.api.TaskLifecycleApiTest.run;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A queue's steps apply when they are due, not at the sweeper's next tick: with the ticks an hour apart, a task
 * nobody qualifies for is still offered once its queue's relaxing step is due.
 */
@QuarkusTest
@TestProfile(HourlyTicks.class)
class EscalationOnTimeTest {

    @Test
    void aStepIsAppliedWhenDueWithoutWaitingForTheSweepersTick() {
        String skill = "on-time-" + run();
        skill(skill);
        String queueId = "on-time-" + run();
        queue(queueId, Map.of("name", "On time", "strategy", "BEST_SCORE",
                "escalationSteps", List.of(Map.of("afterSeconds", 1, "action", "RELAX_PROFICIENCY", "amount", 2)))).statusCode(201);
        String junior = "junior-" + run();
        agent(junior, Map.of(skill, 3)).statusCode(201);
        presence("sam", junior, "AVAILABLE").statusCode(200);

        String taskId = task("sam", Map.of("channel", "EMAIL", "queueId", queueId,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 5)))).statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("escalationLevel", equalTo(1)).body("state", equalTo("OFFERED")).body("agentId", equalTo(junior)));
        presence("sam", junior, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }
}
