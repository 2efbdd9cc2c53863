package dev.panorama.profile.reading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileEvent;
import dev.panorama.profile.folding.ProfileEvents;
import dev.panorama.profile.folding.ProfileFolding;
import dev.panorama.profile.phones.PhoneKeys;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileReaderTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final UUID CUSTOMER = UUID.randomUUID();

    private final ProfileFolding folding = new ProfileFolding(100);
    private final ProfileReader reader = new ProfileReader(ProfileRules.defaults(), new PhoneKeys("GB"));

    @Test
    void aWealthyCustomerWithAnOldOpenComplaintIsVipAndAtRisk() {
        ProfileDocument profile = fold(account("150000.00"),
                new CaseOpened("desk", "C-1", "K-1", CaseKind.COMPLAINT, "fees", "high", NOW.minus(Duration.ofDays(20))));

        ProfileView view = reader.view(profile, NOW);

        assertThat(view.relationshipValue()).isEqualByComparingTo("150000");
        assertThat(view.tier()).isEqualTo("gold");
        assertThat(view.segments()).contains("vip", "at-risk");
        assertThat(view.insights().unresolvedProblem().answer()).isTrue();
        assertThat(reader.routingHints(profile, NOW).priorityBoost()).isEqualTo(6);
    }

    @Test
    void aFreshComplaintIsUnresolvedButNotYetARisk() {
        ProfileDocument profile = fold(account("10"),
                new CaseOpened("desk", "C-1", "K-1", CaseKind.COMPLAINT, "fees", "high", NOW.minus(Duration.ofDays(2))));

        ProfileView view = reader.view(profile, NOW);

        assertThat(view.tier()).isEqualTo("standard");
        assertThat(view.segments()).doesNotContain("at-risk", "vip");
        assertThat(view.insights().unresolvedProblem().facts()).extracting(ProfileView.CaseView::caseId).containsExactly("K-1");
    }

    @Test
    void theThreeQuestionsAreAnsweredWithTheirFacts() {
        ProfileDocument profile = fold(
                new RecordLinked(CUSTOMER, new SourceRef("crm", "C-1"), LinkDecision.NEW, null, NOW),
                new RecordLinked(CUSTOMER, new SourceRef("bank", "B-1"), LinkDecision.MATCHED, 0.97, NOW),
                new OfferSent("mkt", "M-1", "F-1", "spring", "SPRING-26", Channel.EMAIL, "card", NOW.minus(Duration.ofDays(3))),
                new InteractionLogged(UUID.randomUUID(), CUSTOMER, null, Channel.PHONE, Direction.INBOUND,
                        NOW.minus(Duration.ofDays(1)), "cti", "call-1", true, null, List.of(), "SPRING-26", 1),
                new TaskCompleted(UUID.randomUUID(), "agent-7", CUSTOMER, TaskOutcome.COMPLETED, "sold", 1000, NOW));

        ProfileView view = reader.view(profile, NOW);

        assertThat(view.insights().otherAccounts().answer()).isTrue();
        assertThat(view.insights().otherAccounts().facts()).extracting(ProfileView.SourceAccount::sourceSystem)
                .containsExactlyInAnyOrder("crm", "bank");
        assertThat(view.insights().recentOffer().facts()).singleElement()
                .satisfies(offer -> assertThat(offer.response()).isEqualTo("RESPONDED"));
        assertThat(view.insights().unresolvedProblem().answer()).isFalse();
        assertThat(view.interactions().preferredChannel()).isEqualTo(Channel.PHONE);
        assertThat(view.recentAgents()).singleElement().satisfies(agent -> {
            assertThat(agent.agentId()).isEqualTo("agent-7");
            assertThat(agent.disposition()).isEqualTo("sold");
        });
    }

    @Test
    void anEmailFromTheCustomerIsNoOtherAccount() {
        ProfileDocument profile = fold(
                new RecordLinked(CUSTOMER, new SourceRef("crm", "C-1"), LinkDecision.NEW, null, NOW),
                new RecordLinked(CUSTOMER, new SourceRef("channel-email", "ann@example.org"), LinkDecision.MATCHED, 0.99, NOW));

        ProfileView view = reader.view(profile, NOW);

        assertThat(view.segments()).doesNotContain("multi-system");
        assertThat(view.insights().otherAccounts().answer()).isFalse();
        assertThat(view.insights().otherAccounts().facts()).extracting(ProfileView.SourceAccount::sourceSystem).containsExactly("crm");
        assertThat(view.sourceAccounts()).extracting(ProfileView.SourceAccount::sourceSystem)
                .as("the view still lists every linked record").containsExactlyInAnyOrder("crm", "channel-email");
    }

    @Test
    void aCustomerSeesTheSamePresentationWithoutTheStaffOnlyParts() {
        ProfileDocument profile = fold(account("150000"),
                new RecordLinked(CUSTOMER, new SourceRef("crm", "C-1"), LinkDecision.NEW, null, NOW),
                new TaskCompleted(UUID.randomUUID(), "agent-7", CUSTOMER, TaskOutcome.COMPLETED, "sold", 1000, NOW));

        ProfileView own = reader.view(profile, NOW).forCustomer();

        assertThat(own.holdings()).hasSize(1);
        assertThat(own.tier()).isNull();
        assertThat(own.segments()).isNull();
        assertThat(own.recentAgents()).isNull();
        assertThat(own.insights()).isNull();
        assertThat(own.sourceAccounts()).isNull();
        assertThat(own.identifiers()).isNull();
    }

    @Test
    void aNumberTwoSourcesWroteDifferentlyIsListedOnceAsTheNewestWroteIt() {
        ProfileDocument profile = fold(
                new SourceRecord("crm", "C-1", NOW.minus(Duration.ofDays(3)), null, null, List.of(), List.of("+44 7700 900123"),
                        List.of(), List.of()),
                new SourceRecord("bank", "B-1", NOW.minus(Duration.ofDays(1)), null, null, List.of(),
                        List.of("07700 900123", "020 7946 0018"), List.of(), List.of()));

        assertThat(reader.view(profile, NOW).phones()).containsExactly("07700 900123", "020 7946 0018");
    }

    private static AccountUpdated account(String balance) {
        return new AccountUpdated("bank", "B-1", "A-1", "savings", "retail", "open", new BigDecimal(balance), "EUR", null, NOW);
    }

    private ProfileDocument fold(Object... events) {
        ProfileDocument profile = ProfileDocument.empty(CUSTOMER);
        int n = 0;
        for (Object event : events) {
            var facts = switch (ProfileEvents.of(event)) {
                case ProfileEvent.ForCustomer f -> f.facts();
                case ProfileEvent.ForSourceRecord f -> f.facts();
                case ProfileEvent.Linked l -> l.facts();
                default -> throw new AssertionError();
            };
            profile = folding.apply(profile, "e" + n++, facts);
        }
        return profile;
    }
}
