package dev.panorama.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import dev.panorama.gateway.testing.RawHttp;
import dev.panorama.kit.security.VerifiedTokenCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token verified once is answered from the cache with the same caller and roles; nothing that is not
 * the exact token text rides on it.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String LOOKUP = "/api/v1/identity/lookup?type=email&value=x";

    @Inject
    VerifiedTokenCache cache;

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
        FakeUpstreams.resetAll();
    }

    @Test
    void aVerifiedTokenIsAnsweredFromTheCacheWithItsRoles() {
        String alice = KeycloakTokens.forUser("alice");
        String nora = KeycloakTokens.forUser("nora");
        assertThat(cache.find(alice)).isEmpty();

        given().auth().oauth2(alice).when().get(LOOKUP).then().statusCode(200);
        given().auth().oauth2(nora).when().get(LOOKUP).then().statusCode(403);

        assertThat(cache.find(alice)).hasValueSatisfying(caller -> assertThat(caller.getRoles()).contains("agent"));
        assertThat(cache.find(nora)).hasValueSatisfying(caller -> assertThat(caller.getRoles()).doesNotContain("agent"));
        given().auth().oauth2(alice).when().get(LOOKUP).then().statusCode(200);
        given().auth().oauth2(nora).when().get(LOOKUP).then().statusCode(403);
        assertThat(FakeUpstreams.get("identity-service").received()).hasSize(2);
    }

    /** A cached caller's requests skip Quarkus' security handlers (GatewayRouter), not the gateway's own checks. */
    @Test
    void aCachedCallersRequestsAreCheckedLikeAnyOther() {
        String alice = KeycloakTokens.forUser("alice");
        given().auth().oauth2(alice).when().get(LOOKUP).then().statusCode(200);
        assertThat(cache.find(alice)).isPresent();
        FakeUpstreams.resetAll();

        given().auth().oauth2(alice).when().delete("/api/v1/identity/customers/x").then().statusCode(403);
        String ambiguous = RawHttp.exchange(Gateway.port(), "GET /api/v1/identity/..%2fcustomers/x HTTP/1.1\nHost: gateway\n"
                + "Authorization: Bearer " + alice + "\nConnection: close\n\n");
        assertThat(RawHttp.firstStatus(ambiguous)).isEqualTo(400);
        given().auth().oauth2(alice).header("Origin", "http://127.0.0.1:3000").when().get(LOOKUP)
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://127.0.0.1:3000");
        assertThat(FakeUpstreams.get("identity-service").received()).hasSize(1);
    }

    @Test
    void aTamperedCopyOfACachedTokenIsRefused() {
        String nora = KeycloakTokens.forUser("nora");
        given().auth().oauth2(nora).when().get(LOOKUP).then().statusCode(403);

        given().auth().oauth2(KeycloakTokens.withRoleAdded(nora, "agent")).when().get(LOOKUP).then().statusCode(401);
        assertThat(FakeUpstreams.get("identity-service").received()).isEmpty();
    }

    @Test
    void tokensSharingAPrefixWithACachedTokenAreRefused() {
        String alice = KeycloakTokens.forUser("alice");
        given().auth().oauth2(alice).when().get(LOOKUP).then().statusCode(200);
        FakeUpstreams.resetAll();

        String signatureChanged = alice.substring(0, alice.length() - 2) + (alice.endsWith("AA") ? "BB" : "AA");
        given().auth().oauth2(signatureChanged).when().get(LOOKUP).then().statusCode(401);
        given().auth().oauth2(alice.substring(0, alice.length() - 1)).when().get(LOOKUP).then().statusCode(401);
        given().auth().oauth2(alice + "A").when().get(LOOKUP).then().statusCode(401);
        given().auth().oauth2(alice.substring(0, alice.lastIndexOf('.') + 1)).when().get(LOOKUP).then().statusCode(401);
        assertThat(FakeUpstreams.get("identity-service").received()).isEmpty();
        given().auth().oauth2(alice).when().get(LOOKUP).then().statusCode(200);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        String shortLived = acceptedAndCachedShortLivedToken();

        KeycloakTokens.awaitExpiry(shortLived);

        given().auth().oauth2(shortLived).when().get(LOOKUP).then().statusCode(401);
        assertThat(FakeUpstreams.get("identity-service").received()).hasSize(1);
    }

    /**
     * A token living about a second that the gateway accepted and still holds in its cache (a loaded machine may take
     * longer than that to send it, or to look it up after).
     */
    private String acceptedAndCachedShortLivedToken() {
        for (int attempt = 0; attempt < 5; attempt++) {
            FakeUpstreams.resetAll();
            String token = KeycloakTokens.shortLivedForUser("alice");
            if (given().auth().oauth2(token).when().get(LOOKUP).then().extract().statusCode() == 200 && cache.find(token).isPresent()) {
                return token;
            }
            assertThat(Instant.now()).as("a refused or uncached token must have expired").isAfterOrEqualTo(KeycloakTokens.expiry(token));
        }
        throw new AssertionError("no short-lived token was accepted and cached before it expired");
    }
}
