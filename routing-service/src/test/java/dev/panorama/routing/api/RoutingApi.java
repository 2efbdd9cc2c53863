package dev.panorama.routing.api;

import static io.restassured.RestAssured.given;

import dev.panorama.devstack.test.KeycloakTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Calls to the routing API as the realm's demo users (alice agent, sam supervisor, ada admin, nora no role). */
public final class RoutingApi {

    private record Token(String value, Instant fetched) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private RoutingApi() {
    }

    public static RequestSpecification as(String user) {
        Token token = TOKENS.compute(user, (name, cached) -> cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(60))
                ? cached : new Token(KeycloakTokens.forUser(name), Instant.now()));
        return given().auth().oauth2(token.value()).contentType("application/json");
    }

    public static void skill(String name) {
        as("sam").body(Map.of("description", "test skill")).put("/api/v1/routing/skills/" + name).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** Sets up an agent's skills (name: proficiency) with the default capacity. */
    public static ValidatableResponse agent(String id, Map<String, Integer> skills) {
        return as("sam").body(Map.of("displayName", "Agent " + id, "skills", skills.entrySet().stream()
                        .map(entry -> Map.of("skill", entry.getKey(), "proficiency", entry.getValue())).toList()))
                .put("/api/v1/routing/agents/" + id).then();
    }

    public static ValidatableResponse presence(String supervisorOrSelf, String agentId, String presence) {
        String path = agentId == null ? "/api/v1/routing/agents/me/presence" : "/api/v1/routing/agents/" + agentId + "/presence";
        return as(supervisorOrSelf).body(Map.of("presence", presence)).put(path).then();
    }

    public static ValidatableResponse queue(String id, Map<String, Object> settings) {
        return as("sam").body(settings).put("/api/v1/routing/queues/" + id).then();
    }

    public static ValidatableResponse task(String user, Map<String, Object> task) {
        return as(user).body(task).post("/api/v1/routing/tasks").then();
    }
}
