package dev.panorama.devstack.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every Panorama service promises at its edge, checked with real Keycloak tokens: a role-guarded
 * endpoint admits the role and refuses the rest, nothing under /api is open, operations endpoints are,
 * and refusals (401 with a Bearer challenge, 403) and bad input get RFC 9457 problem details.
 *
 * <p>A service's test extends this and names a test-only endpoint that needs role {@code agent}
 * ({@code GET} answers the caller's name; {@code POST} takes {@code {"note": "..."}} with a
 * {@code @NotBlank} note and echoes it).
 */
public abstract class ServiceEdgeContract {

    /** Path of the test-only endpoint guarded by role {@code agent}. */
    protected abstract String agentOnlyPath();

    @Test
    void aUserWithTheRoleIsAdmitted() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get(agentOnlyPath())
                .then().statusCode(200).body(equalTo("alice"));
    }

    @Test
    void aUserWithoutTheRoleIsForbidden() {
        given().auth().oauth2(KeycloakTokens.forUser("nora"))
                .when().get(agentOnlyPath())
                .then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(403))
                .body("type", notNullValue());
    }

    @Test
    void noTokenIsUnauthorized() {
        unauthorized(given().when().get(agentOnlyPath()).then(), "Bearer");
    }

    @Test
    void noTokenIsUnauthorizedWhateverTheMethod() {
        unauthorized(given().contentType("application/json").body("{\"note\": \"x\"}").when().post(agentOnlyPath()).then(), "Bearer");
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        unauthorized(given().auth().oauth2(KeycloakTokens.forged()).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void anExpiredTokenSignedByKeycloakIsUnauthorized() {
        String expired = KeycloakTokens.expiredForUser("alice");
        if (!KeycloakTokens.expiry(expired).isBefore(Instant.now())) {
            throw new AssertionError("the token is not expired yet");
        }
        unauthorized(given().auth().oauth2(expired).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        String foreign = KeycloakTokens.forgedWith("http://127.0.0.1:1/realms/elsewhere", Instant.now().plusSeconds(300));
        unauthorized(given().auth().oauth2(foreign).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
    }

    /* Tokens seen before: each application answers a verified token from a cache until it expires (service-kit's
       CachedBearerMechanism); nothing but the exact, unexpired token may ride on that. */

    @Test
    void rolesAreCheckedForATokenSeenBefore() {
        String alice = KeycloakTokens.forUser("alice");
        String nora = KeycloakTokens.forUser("nora");
        for (int round = 0; round < 2; round++) {
            given().auth().oauth2(alice).when().get(agentOnlyPath()).then().statusCode(200).body(equalTo("alice"));
            given().auth().oauth2(nora).when().get(agentOnlyPath()).then().statusCode(403)
                    .contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void anAdmittedTokenIsUnauthorizedOnceItHasExpired() {
        String token = admittedShortLivedToken();

        KeycloakTokens.awaitExpiry(token);

        unauthorized(given().auth().oauth2(token).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
    }

    @Test
    void aChangedCopyOfAnAdmittedTokenIsUnauthorized() {
        String alice = KeycloakTokens.forUser("alice");
        given().auth().oauth2(alice).when().get(agentOnlyPath()).then().statusCode(200);
        String signatureChanged = alice.substring(0, alice.length() - 2) + (alice.endsWith("AA") ? "BB" : "AA");
        unauthorized(given().auth().oauth2(signatureChanged).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
        unauthorized(given().auth().oauth2(alice + "A").when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");

        String nora = KeycloakTokens.forUser("nora");
        given().auth().oauth2(nora).when().get(agentOnlyPath()).then().statusCode(403);
        String forged = KeycloakTokens.withRoleAdded(nora, "agent");
        unauthorized(given().auth().oauth2(forged).when().get(agentOnlyPath()).then(), "Bearer error=\"invalid_token\"");
    }

    /** A token living about a second that the application admitted (a loaded machine may take longer than that to send it). */
    private String admittedShortLivedToken() {
        for (int attempt = 0; attempt < 5; attempt++) {
            String token = KeycloakTokens.shortLivedForUser("alice");
            int status = given().auth().oauth2(token).when().get(agentOnlyPath()).then().extract().statusCode();
            if (status == 200) {
                return token;
            }
            if (status != 401 || KeycloakTokens.expiry(token).isAfter(Instant.now())) {
                throw new AssertionError("a valid short-lived token was refused with " + status);
            }
        }
        throw new AssertionError("no short-lived token was admitted before it expired");
    }

    @Test
    void nothingUnderApiIsOpen() {
        unauthorized(given().when().get("/api/v1/no-such-endpoint").then(), "Bearer");
    }

    /** 401 as RFC 9457 problem details, with the RFC 6750 challenge. */
    protected static void unauthorized(ValidatableResponse response, String challenge) {
        response.statusCode(401)
                .header("WWW-Authenticate", equalTo(challenge))
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"))
                .body("type", notNullValue());
    }

    @Test
    void operationsEndpointsNeedNoToken() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }

    @Test
    void invalidInputGetsProblemDetailsNamingTheField() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .contentType("application/json").body("{\"note\": \"  \"}")
                .when().post(agentOnlyPath())
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("note"));
    }

    @Test
    void malformedJsonGetsProblemDetails() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .contentType("application/json").body("{\"note\": ")
                .when().post(agentOnlyPath())
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("detail", containsString("JSON"));
    }

    @Test
    void validInputIsAccepted() {
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .contentType("application/json").body("{\"note\": \"call back tomorrow\"}")
                .when().post(agentOnlyPath())
                .then().statusCode(200).body(equalTo("call back tomorrow"));
    }
}
