package dev.panorama.routing.api;

import static dev.panorama.routing.api.RoutingApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every routing endpoint states its roles: no token is 401, a role it does not admit is 403 problem details. */
@QuarkusTest
class RoutingRolesTest {

    private static final String ANY = UUID.randomUUID().toString();

    record Endpoint(String method, String path, String body, List<String> refused) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> endpoints() {
        List<String> staffOnly = List.of("nora");
        List<String> supervisorsOnly = List.of("nora", "alice");
        List<String> agentsOnly = List.of("nora", "sam");
        return Stream.of(
                new Endpoint("GET", "/api/v1/routing/agents", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/agents/someone", null, supervisorsOnly),
                new Endpoint("PUT", "/api/v1/routing/agents/someone", "{\"skills\":[]}", supervisorsOnly),
                new Endpoint("PUT", "/api/v1/routing/agents/someone/presence", "{\"presence\":\"OFFLINE\"}", supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/agents/me", null, agentsOnly),
                new Endpoint("PUT", "/api/v1/routing/agents/me/presence", "{\"presence\":\"OFFLINE\"}", agentsOnly),
                new Endpoint("GET", "/api/v1/routing/agents/me/offers", null, agentsOnly),
                new Endpoint("GET", "/api/v1/routing/agents/me/tasks", null, agentsOnly),
                new Endpoint("GET", "/api/v1/routing/agents/me/events", null, agentsOnly),
                new Endpoint("GET", "/api/v1/routing/queues/statistics", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/statistics/queues?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/statistics/agents?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/statistics/agents/me?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z", null, agentsOnly),
                new Endpoint("POST", "/api/v1/routing/offers/" + ANY + "/acceptance", null, agentsOnly),
                new Endpoint("POST", "/api/v1/routing/offers/" + ANY + "/rejection", null, agentsOnly),
                new Endpoint("GET", "/api/v1/routing/skills", null, staffOnly),
                new Endpoint("PUT", "/api/v1/routing/skills/x", "{}", supervisorsOnly),
                new Endpoint("DELETE", "/api/v1/routing/skills/x", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/queues", null, staffOnly),
                new Endpoint("GET", "/api/v1/routing/queues/general", null, staffOnly),
                new Endpoint("PUT", "/api/v1/routing/queues/x", "{\"name\":\"x\",\"strategy\":\"BEST_SCORE\"}", supervisorsOnly),
                new Endpoint("DELETE", "/api/v1/routing/queues/x", null, supervisorsOnly),
                new Endpoint("POST", "/api/v1/routing/tasks", "{\"channel\":\"EMAIL\"}", staffOnly),
                new Endpoint("GET", "/api/v1/routing/tasks", null, supervisorsOnly),
                new Endpoint("GET", "/api/v1/routing/tasks/" + ANY, null, staffOnly),
                new Endpoint("GET", "/api/v1/routing/tasks/" + ANY + "/offers", null, supervisorsOnly),
                new Endpoint("POST", "/api/v1/routing/tasks/" + ANY + "/wrap-up", "{}", staffOnly),
                new Endpoint("POST", "/api/v1/routing/tasks/" + ANY + "/completion", "{}", staffOnly),
                new Endpoint("POST", "/api/v1/routing/tasks/" + ANY + "/cancellation", "{}", staffOnly),
                new Endpoint("POST", "/api/v1/routing/tasks/" + ANY + "/transfer", "{\"queueId\":\"general\"}", staffOnly))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutATokenItIsUnauthorized(Endpoint endpoint) {
        given().contentType("application/json").body(endpoint.body() == null ? "" : endpoint.body())
                .request(endpoint.method(), endpoint.path()).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void rolesItDoesNotAdmitAreForbidden(Endpoint endpoint) {
        for (String user : endpoint.refused()) {
            var request = as(user);
            if (endpoint.body() != null) {
                request = request.body(endpoint.body());
            }
            request.request(endpoint.method(), endpoint.path()).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
    }
}
