package dev.panorama.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP server metrics count and time proxied requests per route (its path pattern), not per path: an operator
 * sees each upstream's traffic, and customer ids do not become time series.
 */
@QuarkusTest
class RouteMetricsTest {

    @BeforeEach
    void upstreamsEcho() {
        FakeUpstreams.resetAll();
    }

    @Test
    void proxiedRequestsAreCountedPerRoutePattern() {
        String token = KeycloakTokens.forUser("sam");
        double before = count("/api/v1/profiles/**", "200");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        given().auth().oauth2(token).when().get("/api/v1/profiles/" + first).then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/profiles/" + second).then().statusCode(200);
        given().when().get("/api/v1/profiles/" + first).then().statusCode(401);

        assertThat(count("/api/v1/profiles/**", "200")).isEqualTo(before + 2);
        assertThat(count("/api/v1/profiles/**", "401")).isGreaterThanOrEqualTo(1);
        assertThat(metrics()).doesNotContain(first.toString()).doesNotContain(second.toString())
                .doesNotContain(ProxiedRequestTimers.QUARKUS_IGNORES);
    }

    private static double count(String uri, String status) {
        Matcher line = Pattern.compile("(?m)^http_server_requests_seconds_count\\{([^}]*)\\} (\\S+)$").matcher(metrics());
        double total = 0;
        while (line.find()) {
            if (line.group(1).contains("uri=\"" + uri + "\"") && line.group(1).contains("status=\"" + status + "\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
