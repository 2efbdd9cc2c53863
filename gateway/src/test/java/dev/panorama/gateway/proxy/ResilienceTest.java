package dev.panorama.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstream;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import dev.panorama.gateway.testing.SeededPersonalData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResilienceTest {

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
    }

    @AfterEach
    void leaveHealthy() {
        Gateway.healthyUpstreams();
    }

    @Test
    void aSlowUpstreamGetsA504ProblemAfterTheTimeout() {
        FakeUpstream identity = FakeUpstreams.get("identity-service");
        identity.answer(request -> request.body().onSuccess(body -> {
            identity.record(request, body.toString());
            request.response().setStatusCode(200); // never ends within the gateway's 1 s
        }));
        long start = System.nanoTime();
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .contentType("application/json").body("{\"channel\":\"EMAIL\",\"address\":\"" + SeededPersonalData.SENDER_EMAIL + "\"}")
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(504)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(504)).body("type", equalTo("https://panorama.dev/problems/upstream-timeout"));
        assertThat((System.nanoTime() - start) / 1e9).isBetween(0.9, 5.0);
        assertThat(identity.received()).hasSize(1); // a write is never retried
    }

    @Test
    void aDownUpstreamGetsA503ProblemWithRetryAfter() {
        FakeUpstreams.get("profile-service").down();
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/profiles/someone")
                .then().statusCode(503)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://panorama.dev/problems/upstream-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("profile-service"));
    }

    @Test
    void anIdempotentReadIsRetriedUntilTheUpstreamAnswers() {
        FakeUpstream interactions = FakeUpstreams.get("interaction-service");
        AtomicInteger calls = new AtomicInteger();
        interactions.answer(request -> {
            if (calls.incrementAndGet() <= 2) {
                interactions.record(request, "");
                request.response().setStatusCode(503).end();
            } else {
                interactions.echo(request);
            }
        });
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/conversations/c-1")
                .then().statusCode(200).body("uri", equalTo("/api/v1/conversations/c-1"));
        assertThat(interactions.received()).hasSize(3).allMatch(r -> r.uri().equals("/api/v1/conversations/c-1"));
    }

    @Test
    void aWriteIsNotRetried() {
        FakeUpstream interactions = FakeUpstreams.get("interaction-service");
        interactions.answer(request -> request.body().onSuccess(body -> {
            interactions.record(request, body.toString());
            request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":503,\"title\":\"Service unavailable\"}");
        }));
        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter"))
                .contentType("application/json").body("{\"channel\":\"EMAIL\"}")
                .when().post("/api/v1/interactions")
                .then().statusCode(503).body("title", equalTo("Service unavailable"));
        assertThat(interactions.received()).hasSize(1);
    }

    @Test
    void repeatedFailuresOpenTheCircuitWhichRefusesWithoutCallingThenRecovers() {
        FakeUpstream routing = FakeUpstreams.get("routing-service");
        routing.answer(request -> {
            routing.record(request, "");
            request.response().setStatusCode(502).end();
        });
        String token = KeycloakTokens.forUser("alice");
        Response last = null;
        for (int i = 0; i < 3 && (last == null || last.header("Retry-After") == null); i++) {
            last = given().auth().oauth2(token).get("/api/v1/routing/queues");
        }
        int callsWhenOpen = routing.received().size();
        assertThat(callsWhenOpen).isEqualTo(5); // the failure threshold
        given().auth().oauth2(token).when().get("/api/v1/routing/queues")
                .then().statusCode(503).header("Retry-After", "1")
                .contentType(startsWith("application/problem+json"))
                .body("detail", org.hamcrest.Matchers.containsString("rested"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().post("/api/v1/routing/tasks").then().statusCode(503);
        assertThat(routing.received()).hasSize(callsWhenOpen);

        routing.reset();
        Gateway.sleep(1100);
        given().auth().oauth2(token).when().get("/api/v1/routing/queues").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/routing/queues").then().statusCode(200);
    }

    @Test
    void anUpstreamSheddingLoadWith503AndRetryAfterIsAnsweredAsItIsAndItsCircuitStaysClosed() {
        // as profile-service answers a staff read while its read-audit backlog is full (AuditUnavailableMapper)
        FakeUpstream profiles = FakeUpstreams.get("profile-service");
        profiles.answer(request -> {
            profiles.record(request, "");
            request.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json").putHeader("Retry-After", "1")
                    .end("{\"type\":\"https://panorama.dev/problems/audit-unavailable\",\"title\":\"Service Unavailable\",\"status\":503,"
                            + "\"detail\":\"Staff reads are answered only once audit-logged, and the audit log is behind; try again shortly.\"}");
        });
        String token = KeycloakTokens.forUser("alice");
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // more reads than the breaker's 5 failures
            Response answer = given().auth().oauth2(token).when().get("/api/v1/profiles/someone");
            answers.add(answer.statusCode() + " " + answer.contentType() + " Retry-After " + answer.header("Retry-After") + " "
                    + answer.jsonPath().getString("type"));
        }
        assertThat(answers).as("each read gets profile-service's own answer").containsOnly(
                "503 application/problem+json Retry-After 1 https://panorama.dev/problems/audit-unavailable");
        assertThat(profiles.received()).extracting(FakeUpstream.Received::uri).as("one call per read: not retried")
                .hasSize(6).containsOnly("/api/v1/profiles/someone");

        // the backlog drains: the very next read is answered, not refused by an opened circuit
        profiles.reset();
        given().auth().oauth2(token).when().get("/api/v1/profiles/someone")
                .then().statusCode(200).body("uri", equalTo("/api/v1/profiles/someone"));
    }

    @Test
    void readinessReflectsTheUpstreams() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        FakeUpstreams.get("profile-service").ready(false);
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.profile-service", startsWith("not ready"))
                .body("checks.find { it.name == 'upstreams' }.data.identity-service", startsWith("ready"));
        FakeUpstreams.get("profile-service").down();
        given().when().get("/q/health/ready").then().statusCode(503);
        FakeUpstreams.get("profile-service").reset();
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void eachCallerHasARateLimitAnsweredWith429AndRetryAfter() {
        String token = KeycloakTokens.forClient("panorama-service");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/profiles/rate/probe").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/profiles/rate/probe")
                .then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[12]"))
                .body("type", equalTo("https://panorama.dev/problems/rate-limited"));
        assertThat(FakeUpstreams.get("profile-service").received()).hasSize(3);
        // another caller is not slowed down by this one
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/profiles/rate/probe").then().statusCode(200);
    }
}
