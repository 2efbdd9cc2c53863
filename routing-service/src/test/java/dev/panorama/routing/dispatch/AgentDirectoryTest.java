package dev.panorama.routing.dispatch;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.queue;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.routing.api.HourlyTicks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A round for a new task finds its agents in memory ({@link AgentDirectory}), not by reading every available agent:
 * what changes an agent elsewhere must still reach it. With the sweeper's ticks (the safety net, and the directory's
 * own reads) an hour apart, only the changes themselves can bring agent and task together here.
 */
@QuarkusTest
@TestProfile(HourlyTicks.class)
class AgentDirectoryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    AgentDirectory directory;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String skill = "directory-" + run;
    private final String queueId = "directory-" + run;

    @Test
    void anAgentMadeAvailableByAnotherReplicaIsOfferedTheNextNewTask() {
        setUp();
        String agentId = "elsewhere-" + run;
        agent(agentId, Map.of(skill, 3)).statusCode(201);
        directory.refresh().await().atMost(WAIT);
        assertThat(directory.mayBeAvailable(agentId)).as("an agent that is not available, once the directory read the database")
                .isFalse();

        // another replica's presence change: the database's notice is all this replica hears of it
        pool.preparedQuery("update agent set presence = 'AVAILABLE', presence_since = now(), idle_since = now() where id = $1")
                .execute(Tuple.of(agentId)).await().atMost(WAIT);
        await().atMost(WAIT).until(() -> directory.mayBeAvailable(agentId));

        String taskId = newTask();
        awaitOfferedTo(agentId, taskId);
        cleanUp(agentId, taskId);
    }

    @Test
    void anAvailableAgentGivenTheSkillAWaitingTaskNeedsIsOfferedItAtOnce() {
        setUp();
        String agentId = "learner-" + run;
        agent(agentId, Map.of()).statusCode(201);
        presence("sam", agentId, "AVAILABLE").statusCode(200);
        String taskId = newTask();
        as("sam").get("/api/v1/routing/tasks/" + taskId).then().body("state", equalTo("QUEUED"));

        agent(agentId, Map.of(skill, 3)).statusCode(200);

        awaitOfferedTo(agentId, taskId);
        cleanUp(agentId, taskId);
    }

    @Test
    void anAvailableAgentGivenANewSkillIsAdmittedToTheNextNewTaskNeedingIt() {
        setUp();
        String held = "directory-held-" + run;
        skill(held);
        String agentId = "retrained-" + run;
        agent(agentId, Map.of(held, 3)).statusCode(201);
        presence("sam", agentId, "AVAILABLE").statusCode(200);
        directory.refresh().await().atMost(WAIT);

        agent(agentId, Map.of(held, 3, skill, 3)).statusCode(200);
        String taskId = newTask();

        awaitOfferedTo(agentId, taskId);
        cleanUp(agentId, taskId);
    }

    private static void awaitOfferedTo(String agentId, String taskId) {
        await().atMost(WAIT).untilAsserted(() -> as("sam").get("/api/v1/routing/tasks/" + taskId).then()
                .body("state", equalTo("OFFERED")).body("agentId", equalTo(agentId)));
    }

    private void setUp() {
        skill(skill);
        queue(queueId, Map.of("name", "Directory", "strategy", "BEST_SCORE")).statusCode(201);
    }

    private String newTask() {
        return task("sam", Map.of("channel", "EMAIL", "queueId", queueId,
                "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 2)))).statusCode(201).extract().path("id");
    }

    private void cleanUp(String agentId, String taskId) {
        presence("sam", agentId, "OFFLINE").statusCode(200);
        as("sam").body(Map.of()).post("/api/v1/routing/tasks/" + taskId + "/cancellation").then().statusCode(200);
    }
}
