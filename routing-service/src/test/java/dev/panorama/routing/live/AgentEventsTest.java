package dev.panorama.routing.live;

import static dev.panorama.routing.api.RoutingApi.agent;
import static dev.panorama.routing.api.RoutingApi.as;
import static dev.panorama.routing.api.RoutingApi.presence;
import static dev.panorama.routing.api.RoutingApi.skill;
import static dev.panorama.routing.api.RoutingApi.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.KeycloakTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An agent's stream sees its offers, their end, its tasks and its presence as they change, from any connection. */
@QuarkusTest
class AgentEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TestHTTPResource("/api/v1/routing/agents/me/events")
    URI events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @AfterEach
    void aliceLogsOff() {
        presence("alice", null, "OFFLINE").statusCode(200);
    }

    @Test
    void aTaskMatchingAliceReachesHerStreamAsAnOfferAndItsAcceptanceAsATask() throws Exception {
        String skill = "live-" + UUID.randomUUID().toString().substring(0, 8);
        skill(skill);
        agent("alice", Map.of(skill, 4)).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        presence("alice", null, "OFFLINE").statusCode(200);
        try (SseClient stream = new SseClient(events, KeycloakTokens.forUser("alice"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.await(event -> event.name().equals("ready"), WAIT)).isNotNull();

            presence("alice", null, "AVAILABLE").statusCode(200);
            SseClient.Event available = stream.await(event -> event.name().equals("presence"), WAIT);
            assertThat(available).isNotNull();
            assertThat(new JsonPath(available.data()).getString("presence")).isEqualTo("AVAILABLE");

            String taskId = task("sam", Map.of("channel", "CHAT", "priority", 50, "subject", "Live offer",
                    "requiredSkills", List.of(Map.of("skill", skill, "minProficiency", 3)))).statusCode(201).extract().path("id");
            SseClient.Event offer = stream.await(event -> event.name().equals("offer") && event.data().contains(taskId), WAIT);
            assertThat(offer).as("offer event for the new task").isNotNull();
            JsonPath offered = new JsonPath(offer.data());
            assertThat(offered.getString("agentId")).isEqualTo("alice");
            assertThat(offered.getString("status")).isEqualTo("OPEN");
            assertThat(offered.getString("subject")).isEqualTo("Live offer");
            Map<String, Object> listed = as("alice").get("/api/v1/routing/agents/me/offers").then().statusCode(200)
                    .extract().jsonPath().getMap("items.find { it.taskId == '" + taskId + "' }");
            assertThat(offered.getMap("")).isEqualTo(listed);

            as("alice").post("/api/v1/routing/offers/" + offered.getString("offerId") + "/acceptance").then().statusCode(200);
            SseClient.Event closed = stream.await(event -> event.name().equals("offer-closed") && event.data().contains(taskId), WAIT);
            assertThat(closed).isNotNull();
            assertThat(new JsonPath(closed.data()).getString("status")).isEqualTo("ACCEPTED");
            SseClient.Event assigned = stream.await(event -> event.name().equals("task") && event.data().contains("\"ASSIGNED\""), WAIT);
            assertThat(assigned).isNotNull();
            assertThat(new JsonPath(assigned.data()).getString("id")).isEqualTo(taskId);

            as("alice").body(Map.of("reason", "test over")).post("/api/v1/routing/tasks/" + taskId + "/cancellation");
        }
    }

    /** What another replica commits on its own connection reaches this replica's stream through NOTIFY. */
    @Test
    void aChangeCommittedOnAnotherConnectionReachesTheStream() throws Exception {
        agent("alice", Map.of()).statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        presence("alice", null, "AVAILABLE").statusCode(200);
        try (SseClient stream = new SseClient(events, KeycloakTokens.forUser("alice"))) {
            assertThat(stream.await(event -> event.name().equals("ready"), WAIT)).isNotNull();
            try (Connection other = DriverManager.getConnection(jdbcUrl, user, password)) {
                other.setAutoCommit(false);
                other.createStatement().executeUpdate("update agent set presence = 'AWAY', presence_reason = 'other replica' where id = 'alice'");
                assertThat(stream.await(event -> event.name().equals("presence"), Duration.ofSeconds(2)))
                        .as("nothing is heard before the commit").isNull();
                other.commit();
            }
            SseClient.Event away = stream.await(event -> event.name().equals("presence"), WAIT);
            assertThat(away).isNotNull();
            assertThat(new JsonPath(away.data()).getString("presence")).isEqualTo("AWAY");
        }
    }

    @Test
    void theStreamSendsAHeartbeatAndRefusesOtherRoles() throws Exception {
        try (SseClient stream = new SseClient(events, KeycloakTokens.forUser("alice"))) {
            assertThat(stream.awaitComment(Duration.ofSeconds(20))).isEqualTo("heartbeat");
        }
        try (SseClient nora = new SseClient(events, KeycloakTokens.forUser("nora"));
                SseClient sam = new SseClient(events, KeycloakTokens.forUser("sam"))) {
            assertThat(nora.status()).isEqualTo(403);
            assertThat(sam.status()).isEqualTo(403);
        }
        try (SseClient anonymous = new SseClient(events, "not-a-token")) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }
}
