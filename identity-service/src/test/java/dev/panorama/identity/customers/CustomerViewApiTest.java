package dev.panorama.identity.customers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.panorama.devstack.test.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The customer view over REST: the golden record chosen by the configured rules, identifiers with their sources. */
@QuarkusTest
class CustomerViewApiTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    /** Every character of the run as a letter: similar names from other tests would be fuzzy matches. */
    private final String family = "Vandermeer" + run.chars().mapToObj(c -> String.valueOf((char) ('g' + Character.digit(c, 16))))
            .collect(java.util.stream.Collectors.joining());
    private final String nationalId = "QQ" + Math.abs(run.hashCode());

    @Test
    void theGoldenRecordTakesTheNameFromTheMostTrustedSourceAndTheNewestEmailFirst() {
        String customerId = store(person("billing", "B-" + run, "Winnie", "wv.billing." + run + "@example.com", List.of(
                Map.of("type", "national-id", "value", nationalId))), "NEW");
        store(person("crm", "C-" + run, "Winifred", "wv.crm." + run + "@example.com", List.of(
                Map.of("type", "national-id", "value", nationalId),
                Map.of("type", "account-number", "value", "AC-" + run, "issuer", "core-banking"))), customerId);
        store(person("web-shop", "W-" + run, "Freddie", "WV.Shop." + run + "@Example.com", List.of(
                Map.of("type", "National-ID", "value", nationalId.substring(0, 2) + " " + nationalId.substring(2)),
                Map.of("type", "social", "value", "@mags" + run))), customerId);

        given().auth().oauth2(KeycloakTokens.forUser("alice"))
                .when().get("/api/v1/identity/customers/" + customerId)
                .then().statusCode(200)
                .body("records", hasSize(3))
                .body("golden.name.value.given", equalTo("Winifred"))
                .body("golden.name.value.family", equalTo(family))
                .body("golden.name.rule", equalTo("most-trusted-source"))
                .body("golden.name.sources.sourceSystem", contains("crm"))
                .body("golden.birthDate.value", equalTo("1948-11-23"))
                .body("golden.birthDate.sources", hasSize(3))
                .body("golden.emails.primary", equalTo("WV.Shop." + run + "@Example.com"))
                .body("golden.emails.values.value", contains("WV.Shop." + run + "@Example.com", "wv.crm." + run + "@example.com",
                        "wv.billing." + run + "@example.com"))
                .body("golden.emails.values[0].rule", equalTo("most-recent"))
                .body("golden.emails.values[0].sources.sourceId", contains("W-" + run))
                .body("golden.address.value.locality", equalTo("Ballarat"))
                .body("identifiers.type", contains("account-number", "national-id", "social"))
                .body("identifiers.find { it.type == 'national-id' }.value", equalTo(nationalId))
                .body("identifiers.find { it.type == 'national-id' }.sources.sourceSystem", contains("web-shop", "crm", "billing"))
                .body("identifiers.find { it.type == 'account-number' }.issuer", equalTo("core-banking"))
                .body("identifiers.find { it.type == 'account-number' }.sources.sourceSystem", contains("crm"))
                .body("records.sourceSystem", hasItem("billing"))
                .body("records.find { it.sourceSystem == 'crm' }.explanation.fields.field", hasItem("birth_date"));
    }

    private static String store(Map<String, Object> body, String expectedCustomer) {
        var response = given().auth().oauth2(KeycloakTokens.forClient("backoffice-system"))
                .contentType("application/json").body(body)
                .when().post("/api/v1/identity/records")
                .then().statusCode(201);
        if ("NEW".equals(expectedCustomer)) {
            response.body("decision", equalTo("NEW"));
        } else {
            response.body("customerId", equalTo(expectedCustomer));
        }
        return response.extract().path("customerId");
    }

    private Map<String, Object> person(String system, String id, String given, String email, List<Map<String, String>> identifiers) {
        Map<String, Object> body = new HashMap<>(Map.of("sourceSystem", system, "sourceId", id,
                "name", Map.of("given", given, "family", family), "dateOfBirth", "1948-11-23",
                "emails", List.of(email), "identifiers", identifiers,
                "addresses", List.of(Map.of("lines", List.of(Math.floorMod(family.hashCode(), 9000) + " " + family + " Pl"),
                        "locality", "Ballarat", "postcode", "3350"))));
        return body;
    }
}
