package dev.panorama.identity.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.panorama.devstack.test.KeycloakTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Caller verification over REST against real PostgreSQL and Keycloak: factors, levels, lockout, audit, roles. */
@QuarkusTest
class VerificationApiTest {

    private static final String VERIFICATIONS = "/api/v1/identity/verifications";
    private static final Map<String, Object> FACTORS = Map.of("memorableDate", "1956-04-09", "passphrase", "Blue Harbour Lights",
            "postcode", "SW1A 1AA", "accountLastDigits", "4321");

    @Inject
    AgroalDataSource database;

    private final String run = UUID.randomUUID().toString().replaceAll("[0-9-]", "");

    @Test
    void rightWrongAndPartialAnswersGiveTheirLevels() {
        String id = newCustomer("levels");
        putFactors(id, FACTORS).statusCode(200)
                .body("customerId", equalTo(id))
                .body("factors.factor", org.hamcrest.Matchers.containsInAnyOrder("memorableDate", "passphrase", "postcode",
                        "accountLastDigits"))
                .body("factors.setAt", not(hasItem(nullValue())))
                .body(not(containsString("argon2")));

        verify(id, Map.of("memorableDate", "09/04/1956", "postcode", "sw1a1aa")).statusCode(200)
                .body("customerId", equalTo(id))
                .body("assuranceLevel", equalTo("HIGH"))
                .body("factorsChecked", contains("memorableDate", "postcode"))
                .body("factorsMatched", contains("memorableDate", "postcode"))
                .body("failedAttemptsRemaining", equalTo(3))
                .body("lockedUntil", nullValue());
        verify(id, Map.of("passphrase", "  blue harbour   LIGHTS")).statusCode(200).body("assuranceLevel", equalTo("MEDIUM"));
        verify(id, Map.of("postcode", "Sw1a 1aa", "accountLastDigits", "4321")).statusCode(200)
                .body("assuranceLevel", equalTo("MEDIUM"));
        verify(id, Map.of("accountLastDigits", "4321")).statusCode(200).body("assuranceLevel", equalTo("LOW"));

        verify(id, Map.of("memorableDate", "1956-04-10", "postcode", "SW1A1AA")).statusCode(200)
                .body("assuranceLevel", equalTo("NONE"))
                .body("factorsChecked", contains("memorableDate", "postcode"))
                .body("factorsMatched", contains("postcode"))
                .body("failedAttemptsRemaining", equalTo(2));
        // verified on the postcode, but the memorable date is still one wrong answer nearer the lock
        verify(id, Map.of("postcode", "SW1A 1AA")).statusCode(200)
                .body("assuranceLevel", equalTo("LOW"))
                .body("failedAttemptsRemaining", equalTo(2));
        verify(id, Map.of("memorableDate", "1956-04-09")).statusCode(200)
                .body("assuranceLevel", equalTo("MEDIUM"))
                .body("failedAttemptsRemaining", equalTo(3));
    }

    @Test
    void knowingThePostcodeBuysNoMoreGuessesAtTheAccountDigits() {
        String id = newCustomer("guesser");
        putFactors(id, FACTORS).statusCode(200);
        verify(id, Map.of("accountLastDigits", "0000")).statusCode(200).body("failedAttemptsRemaining", equalTo(2));
        verify(id, Map.of("accountLastDigits", "0001")).statusCode(200).body("failedAttemptsRemaining", equalTo(1));
        verify(id, Map.of("postcode", "SW1A 1AA")).statusCode(200)
                .body("assuranceLevel", equalTo("LOW"))
                .body("failedAttemptsRemaining", equalTo(1));
        verify(id, Map.of("accountLastDigits", "0002")).statusCode(200)
                .body("failedAttemptsRemaining", equalTo(0))
                .body("lockedUntil", notNullValue());
        verify(id, Map.of("accountLastDigits", "4321")).statusCode(423);
    }

    @Test
    void replacingAFactorLeavesTheOthersAndRetiresTheOldAnswer() {
        String id = newCustomer("replace");
        putFactors(id, FACTORS).statusCode(200);
        putFactors(id, new HashMap<>(Map.of("postcode", "EC1A 1BB"))).statusCode(200).body("factors", hasSize(4));
        verify(id, Map.of("postcode", "EC1A1BB", "passphrase", "blue harbour lights")).statusCode(200)
                .body("assuranceLevel", equalTo("HIGH"));
        verify(id, Map.of("postcode", "SW1A 1AA")).statusCode(200).body("assuranceLevel", equalTo("NONE"));
    }

    @Test
    void askingAboutAFactorTheCustomerHasNotSetCountsAsWrong() {
        String id = newCustomer("unset");
        putFactors(id, Map.of("postcode", "SW1A 1AA")).statusCode(200).body("factors.factor", contains("postcode"));
        verify(id, Map.of("postcode", "SW1A 1AA", "passphrase", "anything at all")).statusCode(200)
                .body("assuranceLevel", equalTo("NONE"))
                .body("factorsMatched", contains("postcode"))
                .body("failedAttemptsRemaining", equalTo(2));
        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get(factorsPath(id))
                .then().statusCode(200).body("factors.factor", contains("postcode"));
    }

    @Test
    void threeFailuresLockVerificationUntilASupervisorLiftsTheLock() {
        String id = newCustomer("lockout");
        putFactors(id, FACTORS).statusCode(200);
        verify(id, Map.of("postcode", "N1 9GU")).statusCode(200).body("failedAttemptsRemaining", equalTo(2));
        verify(id, Map.of("memorableDate", "1.1.1990")).statusCode(200).body("failedAttemptsRemaining", equalTo(1));
        String lockedUntil = verify(id, Map.of("accountLastDigits", "0000")).statusCode(200)
                .body("assuranceLevel", equalTo("NONE"))
                .body("failedAttemptsRemaining", equalTo(0))
                .body("lockedUntil", notNullValue())
                .extract().path("lockedUntil");
        assertThat(java.time.Duration.between(java.time.Instant.now(), java.time.Instant.parse(lockedUntil)))
                .isBetween(java.time.Duration.ofMinutes(14), java.time.Duration.ofMinutes(15));

        verify(id, Map.of("postcode", "SW1A 1AA", "memorableDate", "1956-04-09")).statusCode(423)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("type", endsWith("/verification-locked"))
                .body("status", equalTo(423))
                .body("detail", containsString("locked"))
                .body("detail", containsString(lockedUntil))
                .body("detail", not(containsString("SW1A")));

        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().delete(lockPath(id)).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().delete(lockPath(id)).then().statusCode(204);
        verify(id, Map.of("postcode", "SW1A 1AA")).statusCode(200)
                .body("assuranceLevel", equalTo("LOW"))
                .body("failedAttemptsRemaining", equalTo(3));

        given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get(auditPath(id))
                .then().statusCode(200)
                .body("items.outcome", contains("VERIFIED", "UNLOCKED", "LOCKED", "FAILED", "FAILED", "FAILED"))
                .body("items[0].actor", equalTo("alice"))
                .body("items[0].actorSubject", notNullValue())
                .body("items[0].channel", equalTo("phone"))
                .body("items[0].factorsAsked", contains("postcode"))
                .body("items[0].assuranceLevel", equalTo("LOW"))
                .body("items[1].actor", equalTo("sam"))
                .body("items[2].factorsAsked", contains("memorableDate", "postcode"))
                .body("items[5].factorsAsked", contains("postcode"))
                .body("nextCursor", nullValue())
                .body(not(containsString("SW1A")), not(containsString("N1 9GU")), not(containsString("1956")));
    }

    @Test
    void theAuditTrailIsPagedNewestFirst() {
        String id = newCustomer("paged");
        putFactors(id, FACTORS).statusCode(200);
        for (String postcode : List.of("SW1A 1AA", "SW1A 1AA", "SW1A 1AA", "SW1A 1AA", "SW1A 1AA")) {
            verify(id, Map.of("postcode", postcode)).statusCode(200);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(KeycloakTokens.forUser("ada")).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.when().get(auditPath(id)).then().statusCode(200).extract();
            seen.addAll(page.path("items.id"));
            assertThat(page.<List<?>>path("items")).hasSizeLessThanOrEqualTo(2);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        given().auth().oauth2(KeycloakTokens.forUser("ada")).queryParam("limit", 1000)
                .when().get(auditPath(id)).then().statusCode(200).body("items", hasSize(5));
    }

    @Test
    void concurrentAttemptsNeverGetMoreGuessesThanTheLimit() throws Exception {
        String id = newCustomer("race");
        putFactors(id, FACTORS).statusCode(200);
        String agent = KeycloakTokens.forUser("alice");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guess = String.format("%04d", i);
                answers.add(callers.submit(() -> post(agent, attempt(id, Map.of("accountLastDigits", guess))).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 423).hasSize(5);
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void postgresHoldsArgon2idHashesNeverTheAnswers() throws Exception {
        String id = newCustomer("stored");
        putFactors(id, FACTORS).statusCode(200);
        Map<String, String> stored = new HashMap<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select factor, hash from verification_factor where customer_id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        assertThat(stored).containsOnlyKeys("memorableDate", "passphrase", "postcode", "accountLastDigits");
        assertThat(stored.values()).allSatisfy(hash -> assertThat(hash)
                .matches("\\$argon2id\\$v=19\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}")
                .doesNotContain("1956", "SW1A", "sw1a", "4321", "harbour"));
        assertThat(stored.values()).doesNotHaveDuplicates();
    }

    @Test
    void aMergedCustomersFactorsAndRequestsGoToTheSurvivor() throws Exception {
        String survivor = newCustomer("survivor");
        String merged = newCustomer("merged");
        putFactors(merged, Map.of("postcode", "SW1A 1AA", "memorableDate", "1956-04-09")).statusCode(200);
        putFactors(survivor, Map.of("memorableDate", "1961-12-25")).statusCode(200);
        markMerged(merged, survivor);

        verify(survivor, Map.of("postcode", "SW1A 1AA", "memorableDate", "25/12/1961")).statusCode(200)
                .body("customerId", equalTo(survivor))
                .body("assuranceLevel", equalTo("HIGH"));
        verify(merged, Map.of("postcode", "SW1A 1AA")).statusCode(200)
                .body("customerId", equalTo(survivor))
                .body("assuranceLevel", equalTo("LOW"));
        // the survivor's newer date replaced the merged customer's older one
        verify(merged, Map.of("memorableDate", "1956-04-09")).statusCode(200).body("assuranceLevel", equalTo("NONE"));
        given().auth().oauth2(KeycloakTokens.forUser("dana"))
                .when().get(factorsPath(merged))
                .then().statusCode(200)
                .body("customerId", equalTo(survivor))
                .body("factors.factor", org.hamcrest.Matchers.containsInAnyOrder("memorableDate", "postcode"));
        putFactors(merged, Map.of("passphrase", "river song")).statusCode(200).body("customerId", equalTo(survivor));
        given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get(auditPath(merged))
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.customerId", not(hasItem(not(equalTo(survivor)))))
                .body("items.requestedCustomerId", hasItem(merged));
    }

    @Test
    void erasingTheCustomerRemovesFactorsAndLockStateButKeepsTheAuditTrail() throws Exception {
        String id = newCustomer("erased");
        putFactors(id, FACTORS).statusCode(200);
        verify(id, Map.of("postcode", "N1 9GU")).statusCode(200).body("failedAttemptsRemaining", equalTo(2));

        given().auth().oauth2(KeycloakTokens.forUser("ada")).when().delete("/api/v1/identity/customers/" + id)
                .then().statusCode(204);

        assertThat(rowsOf("verification_factor", id)).as("factors left after erasure").isZero();
        assertThat(rowsOf("verification_lock", id)).as("lock state left after erasure").isZero();
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get(factorsPath(id))
                .then().statusCode(410).contentType("application/problem+json");
        verify(id, Map.of("postcode", "SW1A 1AA")).statusCode(410);
        given().auth().oauth2(KeycloakTokens.forUser("sam"))
                .when().get(auditPath(id))
                .then().statusCode(200).body("items.outcome", contains("FAILED"));
    }

    private long rowsOf(String table, String customerId) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("select count(*) from " + table + " where customer_id = ?")) {
            query.setObject(1, UUID.fromString(customerId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void everyEndpointNamesItsRoles() {
        String id = newCustomer("roles");
        Map<String, Object> attempt = attempt(id, Map.of("postcode", "SW1A 1AA"));

        given().contentType("application/json").body(FACTORS).when().put(factorsPath(id)).then().statusCode(401);
        for (String user : List.of("alice", "sam", "carl", "nora")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).contentType("application/json").body(FACTORS)
                    .when().put(factorsPath(id)).then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json").body(FACTORS)
                .when().put(factorsPath(id)).then().statusCode(403);
        for (String user : List.of("dana", "ada")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).contentType("application/json").body(FACTORS)
                    .when().put(factorsPath(id)).then().statusCode(200);
        }

        given().when().get(factorsPath(id)).then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forUser("carl")).when().get(factorsPath(id)).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).when().get(factorsPath(id)).then().statusCode(403);
        for (String user : List.of("alice", "sam", "dana", "ada")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).when().get(factorsPath(id)).then().statusCode(200);
        }

        given().contentType("application/json").body(attempt).when().post(VERIFICATIONS).then().statusCode(401);
        for (String user : List.of("dana", "ada", "carl", "nora")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).contentType("application/json").body(attempt)
                    .when().post(VERIFICATIONS).then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(attempt)
                .when().post(VERIFICATIONS).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).contentType("application/json").body(attempt)
                .when().post(VERIFICATIONS).then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json").body(attempt)
                .when().post(VERIFICATIONS).then().statusCode(200).body("assuranceLevel", equalTo("LOW"));

        given().when().delete(lockPath(id)).then().statusCode(401);
        for (String user : List.of("alice", "dana", "carl")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).when().delete(lockPath(id)).then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.forUser("ada")).when().delete(lockPath(id)).then().statusCode(204);

        given().when().get(auditPath(id)).then().statusCode(401);
        for (String user : List.of("alice", "dana", "carl")) {
            given().auth().oauth2(KeycloakTokens.forUser(user)).when().get(auditPath(id)).then().statusCode(403);
        }
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get(auditPath(id)).then().statusCode(200)
                .body("items.outcome", contains("UNLOCKED", "VERIFIED", "VERIFIED"))
                .body("items[1].client", equalTo("channel-adapter"))
                .body("items[2].actor", equalTo("sam"));
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String id = newCustomer("invalid");
        putFactors(id, Map.of("accountLastDigits", "12345")).statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", contains("accountLastDigits"))
                .body(not(containsString("12345")));
        putFactors(id, Map.of("memorableDate", "the thirty-first of never", "postcode", "--")).statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("memorableDate", "postcode"));
        putFactors(id, Map.of("passphrase", "   ")).statusCode(400).body("errors.field", contains("passphrase"));
        putFactors(id, Map.of("passphrase", "x".repeat(500))).statusCode(400).body("errors.field", hasItem(containsString("passphrase")));

        verify(id, Map.of()).statusCode(400).body("errors.field", contains("answers"));
        verify(id, Map.of("accountLastDigits", "12")).statusCode(400).body("errors.field", contains("answers.accountLastDigits"));
        post(Map.of("answers", Map.of("postcode", "SW1A 1AA"), "channel", "phone")).statusCode(400)
                .body("errors.field", hasItem("customerId"));
        post(Map.of("customerId", id, "answers", Map.of("postcode", "SW1A 1AA"))).statusCode(400)
                .body("errors.field", hasItem("channel"));
        post(Map.of("customerId", "not-a-uuid", "answers", Map.of("postcode", "SW1A 1AA"), "channel", "phone")).statusCode(400)
                .body("errors.field", hasItem("customerId"));

        given().auth().oauth2(KeycloakTokens.forUser("sam")).queryParam("limit", 0)
                .when().get(auditPath(id)).then().statusCode(400).body("errors.field", contains("limit"));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).queryParam("cursor", "bm90LWEtY3Vyc29y")
                .when().get(auditPath(id)).then().statusCode(400).body("errors.field", contains("cursor"));
    }

    @Test
    void anUnknownCustomerIsNotFoundEverywhere() {
        String nobody = UUID.randomUUID().toString();
        putFactors(nobody, FACTORS).statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get(factorsPath(nobody)).then().statusCode(404);
        verify(nobody, Map.of("postcode", "SW1A 1AA")).statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().delete(lockPath(nobody)).then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get(auditPath(nobody)).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentExplainsTheLevelsAndEveryEndpoint() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/identity/verifications'.post.description", containsString("HIGH when two or more factors"))
                .body("paths.'/api/v1/identity/customers/{id}/verification-factors'.put.responses.'400'", notNullValue())
                .body("paths.'/api/v1/identity/customers/{id}/verification-factors'.get", notNullValue())
                .body("paths.'/api/v1/identity/customers/{id}/verification-lock'.delete.responses.'204'", notNullValue())
                .body("paths.'/api/v1/identity/customers/{id}/verifications'.get.responses.'200'", notNullValue())
                .body("components.schemas.VerificationResult.properties.assuranceLevel", notNullValue());
    }

    /** A customer unlike any other: random names, birth date and email, so the matcher never links two of them. */
    private String newCustomer(String label) {
        java.util.Random random = new java.util.Random();
        String family = letters(random, 10);
        Map<String, Object> record = Map.of("sourceSystem", "crm", "sourceId", "VER-" + label + "-" + run,
                "name", Map.of("given", letters(random, 7), "family", family),
                "dateOfBirth", java.time.LocalDate.of(1920, 1, 1).plusDays(random.nextInt(30_000)).toString(),
                "emails", List.of(family.toLowerCase() + "." + label + "@example.org"));
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(record)
                .when().post("/api/v1/identity/records")
                .then().statusCode(201).body("decision", equalTo("NEW")).extract().path("customerId");
    }

    private static String letters(java.util.Random random, int length) {
        StringBuilder letters = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 1; i < length; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    private void markMerged(String merged, String survivor) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update customer set status = 'MERGED', merged_into = ? where id = ?")) {
            update.setObject(1, UUID.fromString(survivor));
            update.setObject(2, UUID.fromString(merged));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static ValidatableResponse putFactors(String id, Map<String, Object> factors) {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json").body(factors)
                .when().put(factorsPath(id))
                .then();
    }

    private static ValidatableResponse verify(String id, Map<String, Object> answers) {
        return post(attempt(id, answers));
    }

    private static ValidatableResponse post(Map<String, Object> body) {
        return post(KeycloakTokens.forUser("alice"), body);
    }

    private static ValidatableResponse post(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .when().post(VERIFICATIONS)
                .then();
    }

    private static Map<String, Object> attempt(String id, Map<String, Object> answers) {
        return Map.of("customerId", id, "answers", answers, "channel", "phone");
    }

    private static String factorsPath(String id) {
        return "/api/v1/identity/customers/" + id + "/verification-factors";
    }

    private static String lockPath(String id) {
        return "/api/v1/identity/customers/" + id + "/verification-lock";
    }

    private static String auditPath(String id) {
        return "/api/v1/identity/customers/" + id + "/verifications";
    }
}
