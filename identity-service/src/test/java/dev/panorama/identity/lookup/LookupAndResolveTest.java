package dev.panorama.identity.lookup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.panorama.devstack.test.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Other services ask "who is this?": by a sender's address (resolve) or by an exact value (lookup). */
@QuarkusTest
class LookupAndResolveTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String email = "ruby." + run + "@example.com";
    private final String nationalId = "NI" + Math.abs(run.hashCode());

    @Test
    void aSenderIsResolvedToTheCustomerWhoseRecordCarriesTheAddress() {
        String customerId = knownCustomer();

        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Map.of("channel", "EMAIL", "address", email.toUpperCase(), "displayName", "Ruby Fitzgerald"))
                .when().post("/api/v1/identity/resolve")
                .then().statusCode(200)
                .body("decision", equalTo("MATCHED"))
                .body("customerId", equalTo(customerId));
    }

    @Test
    void anUnknownSenderBecomesOneProspectHoweverOftenTheyWrite() {
        Map<String, String> sender = Map.of("channel", "EMAIL", "address", "stranger." + run + "@example.org");
        String prospect = given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(sender).when().post("/api/v1/identity/resolve")
                .then().statusCode(200).body("decision", equalTo("NEW")).extract().path("customerId");

        given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(sender).when().post("/api/v1/identity/resolve")
                .then().statusCode(200).body("customerId", equalTo(prospect)).body("stored", equalTo(false));
    }

    @Test
    void lookupsFindCustomersByEmailAndIdentifierAndNothingForStrangers() {
        String customerId = knownCustomer();
        String agent = KeycloakTokens.forUser("alice");

        given().auth().oauth2(agent).queryParam("type", "email").queryParam("value", " " + email.toUpperCase() + " ")
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds", contains(customerId));
        given().auth().oauth2(agent).queryParam("type", "national-id").queryParam("value", nationalId)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds", contains(customerId));
        given().auth().oauth2(agent).queryParam("type", "passport").queryParam("value", "p" + run)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds", contains(customerId));
        given().auth().oauth2(agent).queryParam("type", "email").queryParam("value", "nobody." + run + "@example.com")
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(200).body("customerIds", empty());
        given().auth().oauth2(agent).queryParam("type", "phone").queryParam("value", "not a number")
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(400).body("errors.field", hasItem("value"));
        given().auth().oauth2(KeycloakTokens.forUser("carl")).queryParam("type", "email").queryParam("value", email)
                .when().get("/api/v1/identity/lookup")
                .then().statusCode(403);
    }

    private String knownCustomer() {
        return given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).contentType("application/json")
                .body(Map.of("sourceSystem", "crm", "sourceId", "L-" + run,
                        "name", Map.of("given", "Ruby", "family", "Fitzgerald" + run.replaceAll("[0-9]", "")),
                        "dateOfBirth", "1988-08-08", "emails", List.of(email),
                        "identifiers", List.of(Map.of("type", "national-id", "value", nationalId),
                                Map.of("type", "passport", "value", "P" + run, "issuer", "GB"))))
                .when().post("/api/v1/identity/records")
                .then().statusCode(201).body("customerId", not(equalTo(null)))
                .extract().path("customerId");
    }
}
