package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 2, the bank's depositor: known to the corporate banking system under one customer number and applying
 * for a personal loan under another, with a slightly different spelling of her name and address. Identity links
 * the two records; the agent sees both relationships, the total value and the VIP tier, and why the records
 * were linked.
 */
@Order(2)
@ExtendWith(WholeSuite.class)
class BankDepositorIT {

    private static final String CORPORATE = "corporate-banking";
    private static final String LOANS = "personal-loans";
    private static final String NATIONAL_ID = "QQ 12 34 56 C";
    private static final String EMAIL = "margaret.okonkwo-hale@example.org";

    @Test
    void two_systems_one_customer_with_both_relationships_a_vip_tier_and_the_reasons(Panorama panorama) {
        SourceRecord corporate = new SourceRecord(CORPORATE, "CB-700145", Instant.now(),
                new PersonName("Mrs", "Margaret", null, "Okonkwo-Hale", null), LocalDate.of(1971, 3, 14),
                List.of(EMAIL), List.of("+44 20 7946 0321"),
                List.of(new PostalAddress(List.of("12 Harbour Row"), "Bristol", null, "BS1 4RN", "GB", "home")),
                List.of(new Identifier("national-id", NATIONAL_ID, "GB")));
        SourceRecord loanApplication = new SourceRecord(LOANS, "PL-2024-88817", Instant.now(),
                new PersonName(null, "Maggie", null, "Okonkwo Hale", null), LocalDate.of(1971, 3, 14),
                List.of(), List.of("020 7946 0321"),
                List.of(new PostalAddress(List.of("12 Harbor Row", "Flat 2"), "Bristol", null, "BS1 4RN", "GB", "home")),
                List.of(new Identifier("national-id", "QQ123456C", "GB")));
        SeededPersonalData.add("Margaret", "Okonkwo-Hale", "Okonkwo Hale", EMAIL, "+44 20 7946 0321", "020 7946 0321",
                "7946 0321", NATIONAL_ID, "QQ123456C", "12 Harbour Row", "12 Harbor Row", "BS1 4RN");

        panorama.backOffice().publish(CORPORATE + ":" + corporate.sourceId(), corporate);
        panorama.backOffice().publish(LOANS + ":" + loanApplication.sourceId(), loanApplication);
        panorama.backOffice().publish(CORPORATE + ":" + corporate.sourceId(), new AccountUpdated(CORPORATE, corporate.sourceId(),
                "DEP-55120", "business deposit", "corporate", "open", new BigDecimal("120000.00"), "GBP",
                LocalDate.of(2015, 6, 1), Instant.now()));
        panorama.backOffice().publish(LOANS + ":" + loanApplication.sourceId(), new AccountUpdated(LOANS, loanApplication.sourceId(),
                "LN-88817", "personal loan", "retail lending", "applied", new BigDecimal("25000.00"), "GBP", null, Instant.now()));

        var alice = panorama.user("alice");
        AtomicReference<String> customerId = new AtomicReference<>();
        Eventually.assertThat("identity links both records into one customer", () -> {
            JsonNode found = alice.get("/api/v1/identity/lookup?type=national-id&value=QQ123456C").expect(200);
            List<String> ids = ids(found);
            assertThat(ids).hasSize(1);
            JsonNode customer = alice.get("/api/v1/identity/customers/" + ids.getFirst()).expect(200);
            assertThat(customer.path("records").findValuesAsText("sourceSystem")).containsExactlyInAnyOrder(CORPORATE, LOANS);
            customerId.set(ids.getFirst());
        });

        JsonNode customer = alice.get("/api/v1/identity/customers/" + customerId.get()).expect(200);
        JsonNode linked = record(customer, LOANS).path("decision").asText().equals("MATCHED")
                ? record(customer, LOANS) : record(customer, CORPORATE);
        assertThat(linked.path("decision").asText()).as("the second record was matched").isEqualTo("MATCHED");
        JsonNode explanation = linked.path("explanation");
        assertThat(explanation.path("comparedWithRecord").asText()).as("names the record it was compared with").isNotBlank();
        assertThat(explanation.path("fields").findValuesAsText("field"))
                .as("the agent sees which fields made the link").contains("unique_id", "birth_date");
        assertThat(fieldLevel(explanation, "unique_id")).isEqualTo("exact");

        Eventually.assertThat("the profile shows both relationships, the total value and the tier", () -> {
            JsonNode profile = alice.get("/api/v1/profiles/" + customerId.get()).expect(200);
            assertThat(profile.path("sourceAccounts").findValuesAsText("sourceSystem")).containsExactlyInAnyOrder(CORPORATE, LOANS);
            assertThat(profile.path("holdings").findValuesAsText("accountId")).containsExactlyInAnyOrder("DEP-55120", "LN-88817");
            assertThat(profile.path("relationshipValue").decimalValue()).isEqualByComparingTo("145000");
            assertThat(profile.path("tier").asText()).isEqualTo("gold");
            assertThat(texts(profile.path("segments"))).contains("vip", "multi-system");
            assertThat(profile.path("insights").path("otherAccounts").path("answer").asBoolean()).isTrue();
        });
    }

    private static List<String> ids(JsonNode lookup) {
        return texts(lookup.path("customerIds"));
    }

    private static JsonNode record(JsonNode customer, String sourceSystem) {
        for (JsonNode record : customer.path("records")) {
            if (record.path("sourceSystem").asText().equals(sourceSystem)) {
                return record;
            }
        }
        throw new AssertionError("no record of " + sourceSystem);
    }

    private static String fieldLevel(JsonNode explanation, String field) {
        for (JsonNode part : explanation.path("fields")) {
            if (part.path("field").asText().equals(field)) {
                return part.path("level").asText();
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
