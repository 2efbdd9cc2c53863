package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 3, a wrong merge undone: a data steward merges two different people by hand (same name, one record
 * without a date of birth), sees the mistake and splits them again. Afterwards each person's timeline and
 * profile hold only what is theirs.
 */
@Order(3)
@ExtendWith(WholeSuite.class)
class WrongMergeUndoneIT {

    private static final String CRM = "crm";
    private static final String SHOP = "webshop";
    private static final String DANIEL_EMAIL = "daniel.fraser.1980@example.net";
    private static final String DAN_EMAIL = "dfraser.gardens@example.com";

    @Test
    void a_steward_splits_a_wrong_merge_and_timelines_and_profiles_are_right_again(Panorama panorama) {
        SourceRecord daniel = new SourceRecord(CRM, "CRM-40211", Instant.now(), new PersonName(null, "Daniel", null, "Fraser", null),
                LocalDate.of(1980, 2, 2), List.of(DANIEL_EMAIL), List.of("+44 7700 900461"),
                List.of(new PostalAddress(List.of("3 Mill Lane"), "Leeds", null, "LS6 2AB", "GB", "home")), List.of());
        SourceRecord dan = new SourceRecord(SHOP, "WS-99310", Instant.now(), new PersonName(null, "Dan", null, "Fraser", null),
                null, List.of(DAN_EMAIL), List.of(),
                List.of(new PostalAddress(List.of("41 Orchard Close"), "Exeter", null, "EX4 3QT", "GB", "delivery")), List.of());
        SeededPersonalData.add("Daniel", "Fraser", DANIEL_EMAIL, DAN_EMAIL, "+44 7700 900461", "7700 900461", "3 Mill Lane",
                "LS6 2AB", "41 Orchard Close", "EX4 3QT");
        panorama.backOffice().publish(CRM + ":" + daniel.sourceId(), daniel);
        panorama.backOffice().publish(SHOP + ":" + dan.sourceId(), dan);
        panorama.backOffice().publish(CRM + ":" + daniel.sourceId(), new AccountUpdated(CRM, daniel.sourceId(), "SUB-1180",
                "broadband", "telecom", "active", new BigDecimal("480.00"), "GBP", null, Instant.now()));
        panorama.backOffice().publish(SHOP + ":" + dan.sourceId(), new CaseOpened(SHOP, dan.sourceId(), "RET-5521",
                CaseKind.RETURN, "garden hose returned", "low", Instant.now()));

        Caller adapter = panorama.client("channel-adapter");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String danielContact = adapter.post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL, "mail-j3-daniel", now, DANIEL_EMAIL,
                null, null, "broadband speed", "My line drops every evening.", null)).expect(201).path("interactionId").asText();
        String danContact = adapter.post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL, "mail-j3-dan", now.plusSeconds(1),
                DAN_EMAIL, null, null, "hose return", "Where is my refund?", null)).expect(201).path("interactionId").asText();

        Caller alice = panorama.user("alice");
        String danielId = customerWithEmail(alice, DANIEL_EMAIL);
        String danId = customerWithEmail(alice, DAN_EMAIL);
        assertThat(danielId).as("two different people are two customers at first").isNotEqualTo(danId);
        Eventually.assertThat("each timeline holds its own contact", () -> {
            assertThat(timeline(alice, danielId)).containsExactly(danielContact);
            assertThat(timeline(alice, danId)).containsExactly(danContact);
        });

        Caller dana = panorama.user("dana");
        dana.post("/api/v1/identity/merges", Map.of("survivorId", danielId, "mergedIds", List.of(danId),
                "reason", "same name, looks like one person")).expect(201);
        Eventually.assertThat("the wrong merge reaches the timeline and the profile", () -> {
            assertThat(timeline(alice, danielId)).containsExactlyInAnyOrder(danielContact, danContact);
            JsonNode merged = alice.get("/api/v1/profiles/" + danielId).expect(200);
            assertThat(merged.path("sourceAccounts").findValuesAsText("customerNumber")).contains("CRM-40211", "WS-99310");
            assertThat(alice.get("/api/v1/profiles/" + danId).expect(200).path("mergedInto").asText()).isEqualTo(danielId);
        });

        JsonNode survivor = dana.get("/api/v1/identity/customers/" + danielId).expect(200);
        List<String> dansRecords = recordsNotOf(survivor, "CRM-40211", DANIEL_EMAIL);
        assertThat(dansRecords).as("the shop record and Dan's e-mail sender record").hasSize(2);
        JsonNode split = dana.post("/api/v1/identity/splits", Map.of("customerId", danielId, "recordIds", dansRecords,
                "reason", "two people: different addresses and e-mail")).expect(201);
        String newDanId = split.path("newCustomerId").asText();
        assertThat(newDanId).isNotBlank().isNotEqualTo(danielId);

        Eventually.assertThat("after the split each timeline and profile is right again", () -> {
            assertThat(timeline(alice, danielId)).containsExactly(danielContact);
            assertThat(timeline(alice, newDanId)).containsExactly(danContact);
            JsonNode danielProfile = alice.get("/api/v1/profiles/" + danielId).expect(200);
            assertThat(danielProfile.path("sourceAccounts").findValuesAsText("customerNumber")).contains("CRM-40211")
                    .doesNotContain("WS-99310");
            assertThat(danielProfile.path("holdings").findValuesAsText("accountId")).containsExactly("SUB-1180");
            assertThat(danielProfile.path("openCases").findValuesAsText("caseId")).isEmpty();
            assertThat(danielProfile.path("emails").toString()).doesNotContain(DAN_EMAIL);
            JsonNode danProfile = alice.get("/api/v1/profiles/" + newDanId).expect(200);
            assertThat(danProfile.path("sourceAccounts").findValuesAsText("customerNumber")).contains("WS-99310")
                    .doesNotContain("CRM-40211");
            assertThat(danProfile.path("openCases").findValuesAsText("caseId")).containsExactly("RET-5521");
            assertThat(danProfile.path("holdings").findValuesAsText("accountId")).isEmpty();
            assertThat(danProfile.path("emails").toString()).contains(DAN_EMAIL).doesNotContain(DANIEL_EMAIL);
        });
        assertThat(dana.get("/api/v1/identity/customers/" + danielId).expect(200).path("records").findValuesAsText("sourceId"))
                .doesNotContain("WS-99310");
    }

    static String customerWithEmail(Caller caller, String email) {
        AtomicReference<String> id = new AtomicReference<>();
        Eventually.assertThat("identity knows the customer with that e-mail", () -> {
            JsonNode ids = caller.get("/api/v1/identity/lookup?type=email&value=" + email).expect(200).path("customerIds");
            assertThat(ids).hasSize(1);
            id.set(ids.get(0).asText());
        });
        return id.get();
    }

    static List<String> timeline(Caller caller, String customerId) {
        JsonNode page = caller.get("/api/v1/customers/" + customerId + "/interactions?limit=100").expect(200);
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("interactionId").asText()));
        return ids;
    }

    private static List<String> recordsNotOf(JsonNode customer, String crmNumber, String danielsEmail) {
        List<String> ids = new ArrayList<>();
        for (JsonNode record : customer.path("records")) {
            String sourceId = record.path("sourceId").asText();
            if (!sourceId.equals(crmNumber) && !sourceId.equalsIgnoreCase(danielsEmail)) {
                ids.add(record.path("recordId").asText());
            }
        }
        return ids;
    }
}
