package dev.panorama.devstack.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every Panorama service promises at its edge, checked with real Keycloak tokens: a role-guarded
 * endpoint admits the role and refuses the rest, nothing under /api is open, operations endpoints are,
 * and bad input gets problem details.
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
                .then().statusCode(403);
    }

    @Test
    void noTokenIsUnauthorized() {
        given().when().get(agentOnlyPath()).then().statusCode(401);
    }

    @Test
    void aForgedTokenIsUnauthorized() {
        given().auth().oauth2(KeycloakTokens.forged())
                .when().get(agentOnlyPath())
                .then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsUnauthorized() {
        given().auth().oauth2(KeycloakTokens.forgedWith("http://127.0.0.1:1/realms/elsewhere", Instant.now().plusSeconds(300)))
                .when().get(agentOnlyPath())
                .then().statusCode(401);
    }

    @Test
    void nothingUnderApiIsOpen() {
        given().when().get("/api/v1/no-such-endpoint").then().statusCode(401);
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
