package dev.panorama.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstream;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import dev.panorama.gateway.testing.LogCapture;
import dev.panorama.gateway.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an attacker tries at the edge: none gets a 500, and nothing reaches an upstream it should not. */
@QuarkusTest
class AttackTest {

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
    }

    private static void nothingForwarded() {
        FakeUpstreams.all().values().forEach(fake -> assertThat(fake.received()).as(fake.name()).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/identity/../../q/metrics",
            "/api/v1/identity/../routing/queues",
            "/api/v1/identity/./customers/x",
            "/api/v1/identity/%2e%2e/%2e%2e/q/health",
            "/api/v1/identity/%2E%2E/routing/queues",
            "/api/v1/identity/..%2f..%2fq%2fmetrics",
            "/api/v1/identity/..%5c..%5cq",
            "/api/v1/identity/%252e%252e/%252e%252e/q/metrics",
            "/api/v1/profiles/x%00.json",
            "/api/v1/identity//customers/x",
            "/api/v1/identity/..\\..\\q/metrics"})
    void pathTraversalNeverReachesAnUpstream(String path) {
        String answer = RawHttp.exchange(Gateway.port(), "GET " + path + " HTTP/1.1\nHost: gateway\nAuthorization: Bearer "
                + KeycloakTokens.forUser("ada") + "\nConnection: close\n\n");
        assertThat(RawHttp.firstStatus(answer)).isEqualTo(400);
        nothingForwarded();
    }

    @Test
    void anAnnouncedOversizedBodyIsRefusedWith413() {
        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter"))
                .contentType("application/json").body("{\"text\":\"" + "a".repeat(300 * 1024) + "\"}")
                .when().post("/api/v1/interactions")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("https://panorama.dev/problems/payload-too-large"));
        nothingForwarded();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(HttpClient.Version.class)
    void aStreamedOversizedBodyIsCutOffAndNeverDeliveredWhole(HttpClient.Version version) throws Exception {
        byte[] body = "b".repeat(400 * 1024).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Gateway.port() + "/api/v1/interactions/batch"))
                .header("Authorization", "Bearer " + KeycloakTokens.forClient("channel-adapter")).version(version)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (LogCapture logs = LogCapture.start()) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(413);
                assertThat(response.body()).contains("payload-too-large");
            } catch (IOException closedWhileSending) {
                // the gateway may close the connection before the client has finished sending: refused all the same
            }
            Gateway.sleep(300);
            assertThat(FakeUpstreams.get("interaction-service").received()).isEmpty();
            assertThat(logs.atLeast(Level.SEVERE)).as("a refused upload is no error of the gateway's").isEmpty();
        }
    }

    @Test
    void malformedBodiesNeverGetA500() {
        FakeUpstream identity = FakeUpstreams.get("identity-service");
        identity.answer(request -> request.body().onSuccess(body -> {
            identity.record(request, body.toString());
            request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":400,\"title\":\"Malformed request body\"}");
        }));
        for (String body : new String[] {"{\"channel\": ", "\u0000\u0001\u00ff", "[[[[[[[[[[[[[[[[[[[[", "{\"a\":\"\\ud800\"}"}) {
            given().auth().oauth2(KeycloakTokens.forUser("alice")).contentType("application/json").body(body)
                    .when().post("/api/v1/identity/resolve")
                    .then().statusCode(400);
        }
        assertThat(identity.received()).hasSize(4);
    }

    @Test
    void conflictingContentLengthAndTransferEncodingCannotSmuggleARequest() {
        String token = KeycloakTokens.forClient("channel-adapter");
        String answer = RawHttp.exchange(Gateway.port(), "POST /api/v1/interactions HTTP/1.1\nHost: gateway\n"
                + "Authorization: Bearer " + token + "\nContent-Type: application/json\n"
                + "Content-Length: 4\nTransfer-Encoding: chunked\n\n"
                + "0\n\n"
                + "GET /api/v1/identity/customers/smuggled HTTP/1.1\nHost: gateway\n\n");
        assertThat(RawHttp.statuses(answer)).doesNotContain(500).isNotEmpty();
        FakeUpstreams.all().values().forEach(fake -> fake.received().forEach(got -> {
            // what an upstream saw is framed one way only: never both a length and chunking
            assertThat(got.header("Content-Length") != null && got.header("Transfer-Encoding") != null).isFalse();
            // a smuggled request without a token never reaches a service
            assertThat(got.uri()).doesNotContain("smuggled");
        }));
    }

    @Test
    void twoDifferentContentLengthsAreRefused() {
        String answer = RawHttp.exchange(Gateway.port(), "POST /api/v1/interactions HTTP/1.1\nHost: gateway\n"
                + "Authorization: Bearer " + KeycloakTokens.forClient("channel-adapter") + "\n"
                + "Content-Length: 2\nContent-Length: 30\nConnection: close\n\n{}");
        assertThat(RawHttp.firstStatus(answer)).isEqualTo(400);
        nothingForwarded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked, identity", "xchunked", "identity"})
    void anUnusualTransferEncodingIsRefusedOrNeverForwardedAmbiguously(String encoding) {
        String answer = RawHttp.exchange(Gateway.port(), "POST /api/v1/interactions HTTP/1.1\nHost: gateway\n"
                + "Authorization: Bearer " + KeycloakTokens.forClient("channel-adapter") + "\n"
                + "Transfer-Encoding: " + encoding + "\nContent-Length: 2\nConnection: close\n\n{}");
        assertThat(RawHttp.statuses(answer)).isNotEmpty().allSatisfy(status -> assertThat(status).isIn(400, 501));
        nothingForwarded();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/identity/lookup?type=email&value[$ne]=x",
            "/api/v1/identity/lookup?type=email&value=%7B%22%24ne%22%3Anull%7D",
            "/api/v1/identity/lookup?type=email&value=%7B%22%24where%22%3A%22sleep(5000)%22%7D",
            "/api/v1/customers/0190a3c0-0000-7000-8000-000000000003/interactions?channel[$where]=this.a%3D%3Dthis.a",
            "/api/v1/profiles/p1?$where=1&fields[$gt]="})
    void mongoOperatorsInTheQueryArePassedThroughUnchangedWithoutA500(String uri) {
        given().urlEncodingEnabled(false).auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get(uri)
                .then().statusCode(lessThan(500)).body("uri", equalTo(uri));
    }

    @Test
    void mongoOperatorsInAJsonBodyArePassedThroughUnchanged() {
        String body = "{\"channel\":\"EMAIL\",\"address\":{\"$ne\":null},\"$where\":\"sleep(5000)\"}";
        given().auth().oauth2(KeycloakTokens.forUser("alice")).contentType("application/json").body(body)
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(200).body("body", equalTo(body));
    }
}
