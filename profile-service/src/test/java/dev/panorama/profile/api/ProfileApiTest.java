package dev.panorama.profile.api;

import static dev.panorama.profile.materialising.EventPublisher.publish;
import static dev.panorama.profile.materialising.Profiles.awaitProfile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.events.source.SourceRecord;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who sees what of a profile, finding profiles, and the audit log of staff reads. */
@QuarkusTest
class ProfileApiTest {

    /** carl's customer_id attribute in the realm. */
    private static final UUID CARL = UUID.fromString("0195f5a0-ca71-7000-8000-00000000ca71");
    private static final Instant NOW = Instant.now();

    private static UUID customer;
    private static String family;
    private static String email;
    private static String phone;

    @BeforeEach
    void aCustomerKnownFromEverySource() {
        if (customer != null) {
            return;
        }
        customer = UUID.randomUUID();
        String run = customer.toString().substring(0, 8);
        family = "Quíst" + run.replaceAll("[0-9]", "x");
        email = "grace." + run + "@example.org";
        phone = "+44 7700 9" + run.replaceAll("[^0-9]", "7").substring(0, 5);
        String crm = "C-" + run;
        String bank = "B-" + run;
        link(customer, "crm", crm);
        link(customer, "bank", bank);
        publish(crm, new SourceRecord("crm", crm, NOW, new PersonName(null, "Grace", null, family, null), null,
                List.of(email), List.of(phone), List.of(),
                List.of(new Identifier("national-id", "NI" + run, null))));
        publish(bank, new AccountUpdated("bank", bank, "A-1", "savings", "retail", "open", new BigDecimal("120000"), "EUR", null, NOW));
        publish(bank, new CaseOpened("bank", bank, "K-1", CaseKind.COMPLAINT, "fees", "high", NOW.minus(Duration.ofDays(20))));
        publish(crm, new OfferSent("crm", crm, "F-1", "spring", "SPRING", Channel.EMAIL, "card", NOW.minus(Duration.ofDays(2))));
        publish(customer.toString(), new TaskCompleted(UUID.randomUUID(), "agent-3", customer, TaskOutcome.COMPLETED, "sold", 10, NOW));
        awaitProfile(customer, p -> p.getString("name") != null && p.getList("holdings").size() == 1
                && p.getList("openCases").size() == 1 && p.getList("offers").size() == 1 && p.getList("recentAgents").size() == 1);
    }

    @Test
    void anAgentSeesTheWholeProfile() {
        given().auth().oauth2(KeycloakTokens.forUser("alice")).get("/api/v1/profiles/{id}", customer)
                .then().statusCode(200)
                .body("name", equalTo("Grace " + family))
                .body("emails", hasItem(email))
                .body("identifiers.type", hasItem("national-id"))
                .body("sourceAccounts.sourceSystem", hasItem("bank"))
                .body("tier", equalTo("gold"))
                .body("segments", hasItem("vip"))
                .body("segments", hasItem("at-risk"))
                .body("openCases[0].severity", equalTo("high"))
                .body("recentAgents[0].agentId", equalTo("agent-3"))
                .body("insights.otherAccounts.answer", equalTo(true))
                .body("insights.recentOffer.answer", equalTo(true))
                .body("insights.unresolvedProblem.facts[0].caseId", equalTo("K-1"));
    }

    @Test
    void insightsAndRoutingHintsAnswerOnTheirOwn() {
        String agent = KeycloakTokens.forUser("alice");
        given().auth().oauth2(agent).get("/api/v1/profiles/{id}/insights", customer).then().statusCode(200)
                .body("otherAccounts.facts.size()", equalTo(2))
                .body("recentOffer.facts[0].campaignId", equalTo("spring"));
        given().auth().oauth2(agent).get("/api/v1/profiles/{id}/routing-hints", customer).then().statusCode(200)
                .body("tier", equalTo("gold"))
                .body("priorityBoost", equalTo(6))
                .body("openCaseCount", equalTo(1))
                .body("recentAgents[0].agentId", equalTo("agent-3"));
        given().auth().oauth2(KeycloakTokens.forUser("dana")).get("/api/v1/profiles/{id}/routing-hints", customer)
                .then().statusCode(403);
        // routing-service asks with its own client-credentials token (realm role service)
        given().auth().oauth2(KeycloakTokens.forClient("panorama-service")).get("/api/v1/profiles/{id}/routing-hints", customer)
                .then().statusCode(200).body("tier", equalTo("gold"));
        given().auth().oauth2(KeycloakTokens.forClient("panorama-service")).get("/api/v1/profiles/{id}", customer)
                .then().statusCode(403);
    }

    @Test
    void aCustomerTokenNamesItsCustomer() {
        String payload = KeycloakTokens.forUser("carl").split("\\.")[1];
        String claims = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(claims).contains("\"customer_id\":\"" + CARL + "\"");
    }

    @Test
    void aCustomerSeesItsOwnProfileWithoutTheStaffOnlyParts() {
        publish(CARL.toString(), new TaskCompleted(UUID.randomUUID(), "agent-9", CARL, TaskOutcome.COMPLETED, "ok", 10, NOW));
        publish("K-" + CARL, new RecordLinked(CARL, new SourceRef("shop", "K-" + CARL), LinkDecision.NEW, null, NOW));
        awaitProfile(CARL, p -> p.getList("recentAgents") != null && !p.getList("recentAgents").isEmpty()
                && !p.getList("sourceAccounts").isEmpty());
        String carl = KeycloakTokens.forUser("carl");

        given().auth().oauth2(carl).get("/api/v1/profiles/{id}", CARL).then().statusCode(200)
                .body("customerId", equalTo(CARL.toString()))
                .body("holdings", notNullValue())
                .body("recentAgents", nullValue())
                .body("sourceAccounts", nullValue())
                .body("tier", nullValue())
                .body("segments", nullValue())
                .body("insights", nullValue());
        given().auth().oauth2(carl).get("/api/v1/profiles/{id}", customer).then().statusCode(403)
                .body("status", equalTo(403));
        given().auth().oauth2(carl).get("/api/v1/profiles/{id}/insights", CARL).then().statusCode(403);
        given().auth().oauth2(carl).get("/api/v1/profiles?q=gr").then().statusCode(403);
    }

    @Test
    void everyStaffReadIsAuditedAndOnlyAdminsReadTheLog() {
        given().auth().oauth2(KeycloakTokens.forUser("sam")).get("/api/v1/profiles/{id}", customer).then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.forUser("dana")).get("/api/v1/profiles/{id}/insights", customer).then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.forUser("carl")).get("/api/v1/profiles/{id}", CARL).then().statusCode(200);

        String admin = KeycloakTokens.forUser("ada");
        var reads = given().auth().oauth2(admin).get("/api/v1/profiles/audit?customerId={id}", customer)
                .then().statusCode(200).extract().jsonPath();
        assertThat(reads.getList("items.actor")).contains("sam", "dana");
        assertThat(reads.getList("items.what")).contains("profile", "insights");
        assertThat(reads.getString("items[0].at")).isNotBlank();
        given().auth().oauth2(admin).get("/api/v1/profiles/audit?actor=carl").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(admin).get("/api/v1/profiles/audit?customerId={id}&limit=1", customer).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        given().auth().oauth2(KeycloakTokens.forUser("alice")).get("/api/v1/profiles/audit").then().statusCode(403);
    }

    @Test
    void aStaffReadOfAnUnknownCustomerIsAuditedToo() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(KeycloakTokens.forUser("sam")).get("/api/v1/profiles/{id}", unknown).then().statusCode(404);

        given().auth().oauth2(KeycloakTokens.forUser("ada")).get("/api/v1/profiles/audit?customerId={id}", unknown)
                .then().statusCode(200).body("items.actor", equalTo(List.of("sam"))).body("items.what", equalTo(List.of("profile")));
    }

    @Test
    void profilesAreFoundByIdentifierAndByPrefix() {
        String agent = KeycloakTokens.forUser("alice");
        given().auth().oauth2(agent).get("/api/v1/profiles?identifier=email:{email}", email.toUpperCase()).then().statusCode(200)
                .body("items.customerId", equalTo(List.of(customer.toString())));
        given().auth().oauth2(agent).get("/api/v1/profiles?identifier=national-id:NI{run}", customer.toString().substring(0, 8))
                .then().statusCode(200).body("items.customerId", equalTo(List.of(customer.toString())));
        given().auth().oauth2(agent).get("/api/v1/profiles?identifier=bank:B-{run}", customer.toString().substring(0, 8))
                .then().statusCode(200).body("items.customerId", equalTo(List.of(customer.toString())));
        given().auth().oauth2(agent).get("/api/v1/profiles?q={prefix}", family.substring(0, 9).toLowerCase()).then().statusCode(200)
                .body("items.customerId", hasItem(customer.toString()));
        given().auth().oauth2(agent).get("/api/v1/profiles?q={prefix}", email.substring(0, 12)).then().statusCode(200)
                .body("items.customerId", hasItem(customer.toString()));
        given().auth().oauth2(agent).get("/api/v1/profiles?q={prefix}", phone.substring(0, 11)).then().statusCode(200)
                .body("items.customerId", hasItem(customer.toString()));
        String dialledAtHome = "0" + phone.substring(4);
        given().auth().oauth2(agent).get("/api/v1/profiles?identifier=phone:{phone}", dialledAtHome).then().statusCode(200)
                .body("items.customerId", equalTo(List.of(customer.toString())));
        given().auth().oauth2(agent).get("/api/v1/profiles?q={prefix}", dialledAtHome.substring(0, 9)).then().statusCode(200)
                .body("items.customerId", hasItem(customer.toString()));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=zz{digits}", phone.replaceAll("[^0-9]", "").substring(0, 8)).then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=zz{x}", UUID.randomUUID().toString().substring(0, 6)).then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aNameIsFoundByItsWordsInAnyOrderWithOrWithoutAccents() {
        String agent = KeycloakTokens.forUser("alice");
        String unaccented = family.replace("í", "i");
        for (String query : List.of(unaccented.substring(0, 9), "grace " + unaccented.substring(0, 7), unaccented + ", Grace",
                "GRÂCE " + family)) {
            given().auth().oauth2(agent).get("/api/v1/profiles?q={query}", query).then().statusCode(200)
                    .body("items.customerId", hasItem(customer.toString()));
        }
        given().auth().oauth2(agent).get("/api/v1/profiles?q={query}", "grace " + unaccented + "zz").then().statusCode(200)
                .body("items.customerId", not(hasItem(customer.toString())));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=, ,").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void badInputGetsProblemDetailsNamingTheField() {
        String agent = KeycloakTokens.forUser("alice");
        given().auth().oauth2(agent).get("/api/v1/profiles?identifier=no-colon").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("identifier"));
        given().auth().oauth2(agent).get("/api/v1/profiles").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=ab&limit=0").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=ab&limit=abc").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(KeycloakTokens.forUser("ada")).get("/api/v1/profiles/audit?customerId=not-a-uuid").then()
                .statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(agent).get("/api/v1/profiles?q=a").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().auth().oauth2(agent).get("/api/v1/profiles/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(equalTo(null)));
    }

    @Test
    void everyEndpointNeedsAToken() {
        given().get("/api/v1/profiles/{id}", customer).then().statusCode(401);
        given().get("/api/v1/profiles/{id}/insights", customer).then().statusCode(401);
        given().get("/api/v1/profiles/{id}/routing-hints", customer).then().statusCode(401);
        given().get("/api/v1/profiles?q=ab").then().statusCode(401);
        given().get("/api/v1/profiles/audit").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.forUser("nora")).get("/api/v1/profiles/{id}", customer).then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.forClient("backoffice-system")).get("/api/v1/profiles/{id}", customer)
                .then().statusCode(403);
    }

    private static void link(UUID customerId, String system, String number) {
        publish(number, new RecordLinked(customerId, new SourceRef(system, number), LinkDecision.MATCHED, 0.9, NOW));
    }
}
