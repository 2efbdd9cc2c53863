package dev.panorama.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstream;
import dev.panorama.gateway.testing.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ProxyRoutingTest {

    @BeforeEach
    void upstreamsEcho() {
        FakeUpstreams.resetAll();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/identity/customers/0190a3c0-0000-7000-8000-000000000001, identity-service",
            "/api/v1/identity/lookup?type=email&value=x, identity-service",
            "/api/v1/interactions/0190a3c0-0000-7000-8000-000000000002, interaction-service",
            "/api/v1/conversations/abc, interaction-service",
            "/api/v1/customers/0190a3c0-0000-7000-8000-000000000003/interactions?limit=5, interaction-service",
            "/api/v1/customers/0190a3c0-0000-7000-8000-000000000003/interactions/summary, interaction-service",
            "/api/v1/routing/queues, routing-service",
            "/api/v1/profiles/0190a3c0-0000-7000-8000-000000000004, profile-service"})
    void eachAreaReachesItsOwningServiceWithTheUriUnchanged(String uri, String upstream) {
        given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get(uri)
                .then().statusCode(200)
                .body("upstream", equalTo(upstream))
                .body("uri", equalTo(uri));
        FakeUpstreams.NAMES.stream().filter(name -> !name.equals(upstream))
                .forEach(other -> assertThat(FakeUpstreams.get(other).received()).isEmpty());
    }

    @Test
    void anUnroutedApiPathIsNotForwarded() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/customers/0190a3c0-0000-7000-8000-000000000003/orders")
                .then().statusCode(404);
        FakeUpstreams.all().values().forEach(fake -> assertThat(fake.received()).isEmpty());
    }

    @Test
    void withoutATokenNothingReachesTheUpstream() {
        given().when().get("/api/v1/identity/lookup?type=email&value=x").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forged()).when().get("/api/v1/profiles/x").then().statusCode(401);
        FakeUpstreams.all().values().forEach(fake -> assertThat(fake.received()).isEmpty());
    }

    @Test
    void theCallersTokenIsRelayed() {
        String token = KeycloakTokens.forUser("alice");
        given().auth().oauth2(token).when().get("/api/v1/routing/agents/me").then().statusCode(200);
        assertThat(FakeUpstreams.get("routing-service").last().header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void aRequestIdAndTraceContextAreCreatedWhenTheCallerSendsNone() {
        Response response = given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/profiles/p1");
        FakeUpstream.Received got = FakeUpstreams.get("profile-service").last();
        assertThat(response.header("X-Request-Id")).isNotBlank().isEqualTo(got.header("X-Request-Id"));
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1);
        assertThat(got.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void theCallersRequestIdAndTraceContextAreKept() {
        String requestId = "portal-" + UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .header("X-Request-Id", requestId).header("traceparent", traceparent).header("tracestate", "vendor=1")
                .when().get("/api/v1/profiles/p1")
                .then().statusCode(200).header("X-Request-Id", requestId);
        FakeUpstream.Received got = FakeUpstreams.get("profile-service").last();
        assertThat(got.header("X-Request-Id")).isEqualTo(requestId);
        assertThat(got.header("traceparent")).isEqualTo(traceparent);
        assertThat(got.header("tracestate")).isEqualTo("vendor=1");
    }

    @Test
    void aMalformedRequestIdOrTraceparentIsReplaced() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .header("X-Request-Id", "bad id\twith spaces").header("traceparent", "garbage")
                .when().get("/api/v1/profiles/p1")
                .then().statusCode(200);
        FakeUpstream.Received got = FakeUpstreams.get("profile-service").last();
        assertThat(got.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(got.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aLargeBodyArrivesByteForByte() {
        byte[] bytes = new byte[200 * 1024];
        new Random(7).nextBytes(bytes);
        String body = java.util.Base64.getEncoder().encodeToString(bytes).substring(0, 200 * 1024);
        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter"))
                .contentType("application/json").body("{\"text\":\"" + body + "\"}")
                .when().post("/api/v1/interactions")
                .then().statusCode(200).body("bodyLength", equalTo(body.length() + 11));
        assertThat(FakeUpstreams.get("interaction-service").last().body()).isEqualTo("{\"text\":\"" + body + "\"}");
    }

    @Test
    void theUpstreamsAnswerReachesTheCallerUnchanged() {
        FakeUpstreams.get("identity-service").answer(request -> request.response().setStatusCode(409)
                .putHeader("Content-Type", "application/problem+json").putHeader("Location", "/x")
                .end("{\"status\":409,\"title\":\"Conflict\"}"));
        given().auth().oauth2(KeycloakTokens.forUser("ada"))
                .when().delete("/api/v1/identity/customers/0190a3c0-0000-7000-8000-000000000001")
                .then().statusCode(409).contentType("application/problem+json")
                .header("Location", "/x").body("title", equalTo("Conflict"));
    }

    @Test
    void aSmallAnswerKeepsItsHeadersAndGainsADate() {
        FakeUpstreams.get("profile-service").answer(request -> request.response().setStatusCode(201)
                .putHeader("Content-Type", "application/json").putHeader("ETag", "\"v7\"").putHeader("Connection", "keep-alive")
                .end("{\"version\":7}"));
        Response response = given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get("/api/v1/profiles/0190a3c0-0000-7000-8000-000000000004");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.header("ETag")).isEqualTo("\"v7\"");
        assertThat(response.header("Content-Length")).isEqualTo("13");
        assertThat(response.header("Date")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(response.body().asString()).isEqualTo("{\"version\":7}");
    }

    @Test
    void anAnswerLargerThanTheGatewayHoldsArrivesByteForByte() {
        byte[] bytes = new byte[(int) WholeResponses.MAX_BYTES * 3];
        new Random(11).nextBytes(bytes);
        String body = java.util.Base64.getEncoder().encodeToString(bytes);
        FakeUpstreams.get("profile-service").answer(request -> request.response().putHeader("Content-Type", "text/plain").end(body));
        Response response = given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get("/api/v1/profiles/0190a3c0-0000-7000-8000-000000000004");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(body.length()));
        assertThat(response.body().asString()).isEqualTo(body);
    }
}
