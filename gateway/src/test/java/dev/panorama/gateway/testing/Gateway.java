package dev.panorama.gateway.testing;

import static io.restassured.RestAssured.given;

import dev.panorama.devstack.test.KeycloakTokens;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Helpers to reach the gateway under test. */
public final class Gateway {

    /** A path per upstream that every staff role may read (no access rule names it). */
    public static final Map<String, String> PROBE_PATHS = Map.of(
            "identity-service", "/api/v1/identity/probe",
            "interaction-service", "/api/v1/conversations/probe",
            "routing-service", "/api/v1/routing/probe",
            "profile-service", "/api/v1/profiles/probe");

    private Gateway() {
    }

    public static int port() {
        return RestAssured.port;
    }

    /** Resets the fakes and waits until every upstream's circuit lets requests through again. */
    public static void healthyUpstreams() {
        FakeUpstreams.resetAll();
        String token = KeycloakTokens.forUser("sam");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        PROBE_PATHS.values().forEach(path -> {
            while (given().auth().oauth2(token).get(path).statusCode() != 200) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("upstream behind " + path + " did not recover");
                }
                sleep(100);
            }
        });
        FakeUpstreams.all().values().forEach(fake -> fake.reset());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
