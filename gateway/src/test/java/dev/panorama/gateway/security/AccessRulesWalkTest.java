package dev.panorama.gateway.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.access.AccessRules;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the whole access-rule table (generated from the services' resources by deploy-checks) through the
 * gateway with real Keycloak tokens of every demo user and client: a caller with a role the rule names
 * reaches the owning service's fake with that very request, the others get 403 problem details at the edge,
 * and no, expired, tampered or foreign tokens get 401. Each caller's roles are read from its own token.
 */
@QuarkusTest
class AccessRulesWalkTest {

    private static final List<String> USERS = List.of("alice", "sam", "ada", "dana", "carl", "nora");
    private static final List<String> CLIENTS = List.of("channel-adapter", "backoffice-system", "panorama-service");
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
    }

    @Test
    void everyRuleAdmitsItsRolesAndForbidsTheRest() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        USERS.forEach(user -> tokens.put(user, KeycloakTokens.forUser(user)));
        CLIENTS.forEach(client -> tokens.put(client, KeycloakTokens.forClient(client)));
        List<String> mismatches = new ArrayList<>();
        int admitted = 0;
        for (AccessRules.Rule rule : AccessRules.bundled().rules()) {
            String path = concrete(rule.path());
            for (Map.Entry<String, String> caller : tokens.entrySet()) {
                boolean allowed = rule.admits(roles(caller.getValue()));
                ExtractableResponse<Response> response = call(given().auth().oauth2(caller.getValue()), rule.method(), path);
                String outcome = allowed ? reachedItsService(response, rule, path) : refusedAtTheEdge(response);
                if (!outcome.isEmpty()) {
                    mismatches.add(rule.method() + " " + rule.path() + " as " + caller.getKey() + ": " + outcome);
                }
                admitted += allowed ? 1 : 0;
            }
        }
        assertThat(mismatches).isEmpty();
        int forwarded = FakeUpstreams.all().values().stream().mapToInt(fake -> fake.received().size()).sum();
        assertThat(forwarded).as("only admitted calls reach a service").isEqualTo(admitted).isPositive();
    }

    /** Empty when the owning service's fake answered, having received this very request; else what happened. */
    private static String reachedItsService(ExtractableResponse<Response> response, AccessRules.Rule rule, String path) {
        if (response.statusCode() != 200) {
            return "expected the service's answer, got " + response.statusCode();
        }
        JsonPath echo = response.jsonPath();
        List<String> seen = List.of(echo.getString("upstream"), echo.getString("method"), echo.getString("uri"));
        return seen.equals(List.of(rule.service(), rule.method(), path)) ? "" : "reached " + seen;
    }

    /** Empty when the gateway answered 401 problem details with a Bearer challenge; else what happened. */
    private static String unauthorized(ExtractableResponse<Response> response) {
        if (response.statusCode() != 401) {
            return "expected 401, got " + response.statusCode();
        }
        if (!String.valueOf(response.header("WWW-Authenticate")).startsWith("Bearer")
                || !String.valueOf(response.contentType()).startsWith("application/problem+json")
                || response.jsonPath().getInt("status") != 401) {
            return "401 without a Bearer challenge or problem details: " + response.headers() + " " + response.asString();
        }
        return "";
    }

    /** Empty when the gateway refused with 403 problem details; else what happened. */
    private static String refusedAtTheEdge(ExtractableResponse<Response> response) {
        if (response.statusCode() != 403) {
            return "expected 403, got " + response.statusCode();
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")
                || response.jsonPath().getInt("status") != 403) {
            return "403 without problem details: " + response.contentType() + " " + response.asString();
        }
        return "";
    }

    @Test
    void everyRuleRefusesMissingExpiredTamperedAndForeignTokens() throws Exception {
        String admin = KeycloakTokens.forUser("ada");
        Map<String, String> bad = Map.of(
                "expired", KeycloakTokens.expiredForUser("ada"),
                "tampered", tampered(KeycloakTokens.forUser("nora")),
                "forged", KeycloakTokens.forged(),
                "foreign issuer", KeycloakTokens.forgedWith("http://127.0.0.1:1/realms/elsewhere", Instant.now().plusSeconds(300)),
                "truncated", admin.substring(0, admin.lastIndexOf('.')));
        List<String> mismatches = new ArrayList<>();
        for (AccessRules.Rule rule : AccessRules.bundled().rules()) {
            String path = concrete(rule.path());
            String none = unauthorized(call(given(), rule.method(), path));
            if (!none.isEmpty()) {
                mismatches.add(rule.method() + " " + path + " without token: " + none);
            }
            for (Map.Entry<String, String> token : bad.entrySet()) {
                String outcome = unauthorized(call(given().auth().oauth2(token.getValue()), rule.method(), path));
                if (!outcome.isEmpty()) {
                    mismatches.add(rule.method() + " " + path + " with " + token.getKey() + " token: " + outcome);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        FakeUpstreams.all().values().forEach(fake -> assertThat(fake.received()).isEmpty());
    }

    private static ExtractableResponse<Response> call(RequestSpecification request, String method, String path) {
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, path).then().extract();
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{version}", "1").replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static Set<String> roles(String token) throws Exception {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Set<String> roles = new HashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** A real token whose payload now claims the admin role, keeping Keycloak's signature of the original. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[", "\"roles\":[\"admin\",");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
