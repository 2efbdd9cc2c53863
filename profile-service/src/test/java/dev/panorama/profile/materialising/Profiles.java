package dev.panorama.profile.materialising;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.panorama.devstack.test.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads profiles through the API as an agent, waiting for the events to show. */
public final class Profiles {

    private static String agentToken;
    private static long fetchedAt;

    private Profiles() {
    }

    public static synchronized String agent() {
        // tokens live 300 s in the realm; a long test run outlives one
        if (agentToken == null || System.currentTimeMillis() - fetchedAt > 120_000) {
            agentToken = KeycloakTokens.forUser("alice");
            fetchedAt = System.currentTimeMillis();
        }
        return agentToken;
    }

    /** The profile once it satisfies the condition (it is read again until it does, 30 s at most). */
    public static JsonPath awaitProfile(UUID customerId, Predicate<JsonPath> shows) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().auth().oauth2(agent()).get("/api/v1/profiles/{id}", customerId);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return shows.test(last[0]);
        });
        return last[0];
    }

    public static int status(UUID customerId) {
        return given().auth().oauth2(agent()).get("/api/v1/profiles/{id}", customerId).statusCode();
    }
}
