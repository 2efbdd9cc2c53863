package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Caller.Reply;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 4, the right to be forgotten: an admin erases a customer known to two systems, with contacts and
 * back-office facts. Identity answers 410 with a tombstone, the contacts are anonymous tombstones, the profile
 * is gone, and no answer of any service carries anything personal of hers any more.
 */
@Order(4)
@ExtendWith(WholeSuite.class)
class RightToBeForgottenIT {

    private static final String EMAIL = "ingrid.vestergaard@example.dk";
    private static final String PHONE = "+45 32 12 34 56";
    private static final String NATIONAL_ID = "DK-120384-9911";
    private static final List<String> PERSONAL = List.of("Ingrid", "Vestergaard", EMAIL, "ingrid.vestergaard", "32 12 34 56",
            "4532123456", NATIONAL_ID, "Nyhavn 17", "I would like my data deleted", "CRM-77810", "SHOP-5530");

    @Test
    void erasure_reaches_every_service_and_nothing_personal_remains(Panorama panorama) {
        SeededPersonalData.add(PERSONAL.toArray(String[]::new));
        SourceRecord crm = new SourceRecord("crm", "CRM-77810", Instant.now(), new PersonName(null, "Ingrid", null, "Vestergaard", null),
                LocalDate.of(1984, 3, 12), List.of(EMAIL), List.of(PHONE),
                List.of(new PostalAddress(List.of("Nyhavn 17"), "Copenhagen", null, "1051", "DK", "home")),
                List.of(new Identifier("national-id", NATIONAL_ID, null)));
        SourceRecord shop = new SourceRecord("webshop", "SHOP-5530", Instant.now(), new PersonName(null, "Ingrid", null, "Vestergard", null),
                LocalDate.of(1984, 3, 12), List.of(EMAIL), List.of(), List.of(), List.of(new Identifier("national-id", NATIONAL_ID, null)));
        panorama.backOffice().publish("crm:" + crm.sourceId(), crm);
        panorama.backOffice().publish("webshop:" + shop.sourceId(), shop);
        panorama.backOffice().publish("crm:" + crm.sourceId(), new AccountUpdated("crm", crm.sourceId(), "ACC-3301", "savings",
                "retail", "open", new BigDecimal("5400.00"), "DKK", null, Instant.now()));
        panorama.backOffice().publish("webshop:" + shop.sourceId(), new CaseOpened("webshop", shop.sourceId(), "CASE-9001",
                CaseKind.REQUEST, "data request", "low", Instant.now()));
        Caller adapter = panorama.client("channel-adapter");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String contact = adapter.post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL, "mail-j4-1", now, EMAIL,
                "Ingrid Vestergaard", null, "Erasure request", "I would like my data deleted, please.", null))
                .expect(201).path("interactionId").asText();

        Caller alice = panorama.user("alice");
        String customerId = WrongMergeUndoneIT.customerWithEmail(alice, EMAIL);
        Eventually.assertThat("she is known everywhere before the erasure", () -> {
            assertThat(alice.get("/api/v1/identity/customers/" + customerId).expect(200).path("records")).hasSize(3);
            assertThat(WrongMergeUndoneIT.timeline(alice, customerId)).containsExactly(contact);
            JsonNode profile = alice.get("/api/v1/profiles/" + customerId).expect(200);
            assertThat(profile.path("holdings").findValuesAsText("accountId")).containsExactly("ACC-3301");
            assertThat(profile.path("openCases").findValuesAsText("caseId")).containsExactly("CASE-9001");
            assertThat(profile.path("interactions").path("total").asLong()).isEqualTo(1);
        });

        panorama.user("ada").delete("/api/v1/identity/customers/" + customerId).expect(204);

        Caller sam = panorama.user("sam");
        Eventually.assertThat("every service has forgotten her", () -> {
            List<Reply> answers = new ArrayList<>();
            Reply customer = answers(answers, alice.get("/api/v1/identity/customers/" + customerId));
            assertThat(customer.status()).isEqualTo(410);
            Reply profile = answers(answers, alice.get("/api/v1/profiles/" + customerId));
            assertThat(profile.status()).isEqualTo(404);
            Reply timeline = answers(answers, sam.get("/api/v1/customers/" + customerId + "/interactions?limit=100"));
            assertThat(timeline.status()).isEqualTo(200);
            assertThat(timeline.json().path("items")).isEmpty();
            Reply interaction = answers(answers, alice.get("/api/v1/interactions/" + contact));
            assertThat(interaction.status()).isEqualTo(410);
            for (String lookup : List.of("email&value=" + EMAIL, "phone&value=" + PHONE.replace("+", "%2B").replace(" ", "%20"),
                    "national-id&value=" + NATIONAL_ID)) {
                Reply found = answers(answers, alice.get("/api/v1/identity/lookup?type=" + lookup));
                assertThat(found.json().path("customerIds")).as(lookup).isEmpty();
            }
            for (String query : List.of("q=Vestergaard", "q=ingrid.vest", "identifier=email:" + EMAIL,
                    "identifier=national-id:" + NATIONAL_ID, "identifier=crm:CRM-77810")) {
                Reply found = answers(answers, alice.get("/api/v1/profiles?" + query));
                assertThat(found.status()).as(query).isEqualTo(200);
                assertThat(found.json().path("items")).as(query).isEmpty();
            }
            for (Reply answer : answers) {
                for (String personal : PERSONAL) {
                    assertThat(answer.body()).as("an answer after the erasure").doesNotContainIgnoringCase(personal);
                }
            }
        });
    }

    private static Reply answers(List<Reply> answers, Reply reply) {
        answers.add(reply);
        return reply;
    }
}
