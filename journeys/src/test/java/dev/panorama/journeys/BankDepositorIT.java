package dev.panorama.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.events.channel.Channel;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.Routing;
import dev.panorama.journeys.suite.SeededPersonalData;
import dev.panorama.journeys.suite.WholeSuite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 2, the bank's depositor: known to the corporate banking system under one customer number and applying
 * for a personal loan under another, with a slightly different spelling of her name and address. Identity links
 * the two records; the agent sees both relationships, the total value and the VIP tier, and why the records
 * were linked; routing gives her loan application priority over another applicant's in the same queue.
 */
@Order(2)
@ExtendWith(WholeSuite.class)
class BankDepositorIT {

    private static final String CORPORATE = "corporate-banking";
    private static final String LOANS = "personal-loans";
    private static final String NATIONAL_ID = "QQ 12 34 56 C";
    private static final String EMAIL = "margaret.okonkwo-hale@example.org";
    private static final String OTHER_EMAIL = "tomasz.wrobel@example.net";
    private static final String QUEUE = "loan-applications";
    private static final String AGENT = "ben";

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

        routingGivesTheVipApplicationPriority(panorama, customerId.get());
    }

    /**
     * Her e-mail about the loan application and another applicant's wait in the loans queue; hers has the higher
     * priority (profile-service's VIP boost) and is offered first although it came second.
     */
    private static void routingGivesTheVipApplicationPriority(Panorama panorama, String vipId) {
        SourceRecord other = new SourceRecord(LOANS, "PL-2024-90412", Instant.now(), new PersonName(null, "Tomasz", null, "Wrobel", null),
                LocalDate.of(1990, 8, 2), List.of(OTHER_EMAIL), List.of(), List.of(), List.of());
        SeededPersonalData.add("Tomasz", "Wrobel", OTHER_EMAIL);
        panorama.backOffice().publish(LOANS + ":" + other.sourceId(), other);
        panorama.backOffice().publish(LOANS + ":" + other.sourceId(), new AccountUpdated(LOANS, other.sourceId(),
                "LN-90412", "personal loan", "retail lending", "applied", new BigDecimal("8000.00"), "GBP", null, Instant.now()));
        var alice = panorama.user("alice");
        String otherId = WrongMergeUndoneIT.customerWithEmail(alice, OTHER_EMAIL);
        Eventually.assertThat("the other applicant is a customer, not a VIP", () -> {
            JsonNode profile = alice.get("/api/v1/profiles/" + otherId).expect(200);
            assertThat(profile.path("holdings").findValuesAsText("accountId")).containsExactly("LN-90412");
            assertThat(texts(profile.path("segments"))).doesNotContain("vip");
        });

        Routing routing = new Routing(panorama);
        routing.skill("loans");
        routing.skill("lang:en"); // the e-mails are in English: the tasks ask for it too
        int status = routing.supervisor().put("/api/v1/routing/queues/" + QUEUE, Map.of("name", "Loan applications",
                "strategy", "BEST_SCORE")).status();
        assertThat(status).as("the loans queue").isIn(200, 201);
        Caller adapter = panorama.client("channel-adapter");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The other applicant writes first, she writes second.
        Contacts.deliver(adapter, Contacts.about(Contacts.inbound(Channel.EMAIL, "j2-mail-other", now, OTHER_EMAIL,
                "Tomasz Wrobel", null, "my loan application", "When will you decide on my loan?", null), QUEUE, List.of("loans")));
        Contacts.deliver(adapter, Contacts.about(Contacts.inbound(Channel.EMAIL, "j2-mail-vip", now.plusSeconds(1), EMAIL,
                "Margaret Okonkwo-Hale", null, "my loan application", "Could you confirm my loan application?", null), QUEUE,
                List.of("loans")));

        AtomicReference<JsonNode> vipTask = new AtomicReference<>();
        AtomicReference<JsonNode> otherTask = new AtomicReference<>();
        Eventually.assertThat("both applications wait in the loans queue", () -> {
            List<JsonNode> waiting = routing.tasksOfQueue(QUEUE);
            vipTask.set(waiting.stream().filter(task -> task.path("customerId").asText().equals(vipId)).findFirst().orElse(null));
            otherTask.set(waiting.stream().filter(task -> task.path("customerId").asText().equals(otherId)).findFirst().orElse(null));
            assertThat(vipTask.get()).as("hers").isNotNull();
            assertThat(otherTask.get()).as("the other applicant's").isNotNull();
            assertThat(vipTask.get().path("state").asText()).isEqualTo("QUEUED");
            assertThat(otherTask.get().path("state").asText()).isEqualTo("QUEUED");
        });
        assertThat(vipTask.get().path("priority").asInt()).as("the VIP's application has the higher priority")
                .isGreaterThan(otherTask.get().path("priority").asInt());

        routing.agent(AGENT, Map.of("loans", 3, "lang:en", 4), Map.of(Channel.EMAIL, 1));
        Caller agent = panorama.user(AGENT);
        agent.put("/api/v1/routing/agents/me/presence", Map.of("presence", "AVAILABLE")).expect(200);
        JsonNode offer = Routing.awaitOffer(agent, "an application is offered to the agent",
                candidate -> candidate.path("queueId").asText().equals(QUEUE));
        assertThat(offer.path("taskId").asText()).as("hers first").isEqualTo(vipTask.get().path("id").asText());
        assertThat(offer.path("priority").asInt()).isEqualTo(vipTask.get().path("priority").asInt());
        assertThat(routing.task(otherTask.get().path("id").asText()).path("state").asText()).as("the other still waits")
                .isEqualTo("QUEUED");
        Routing.accept(agent, offer);
        routing.presence(AGENT, "OFFLINE");
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
