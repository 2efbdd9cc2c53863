package dev.panorama.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    private static final String PORTAL = "http://127.0.0.1:3000";

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
    }

    @Test
    void aConfiguredPortalOriginPassesThePreflightWithoutAToken() {
        given().header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/v1/identity/resolve")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", PORTAL)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void anUnknownOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/identity/lookup")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(KeycloakTokens.forUser("alice")).header("Origin", "https://evil.example")
                .when().get("/api/v1/profiles/p")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPortalsProxiedCallCarriesTheCorsHeaders() {
        given().auth().oauth2(KeycloakTokens.forUser("alice")).header("Origin", PORTAL)
                .when().get("/api/v1/profiles/p")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(PORTAL))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }
}
