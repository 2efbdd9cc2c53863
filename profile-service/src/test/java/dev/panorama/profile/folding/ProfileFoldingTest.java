package dev.panorama.profile.folding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.AgentPresenceChanged;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileFoldingTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final UUID CUSTOMER = UUID.randomUUID();

    private final ProfileFolding folding = new ProfileFolding(3);

    @Test
    void aCaseClosedBeforeItsOpeningArrivesStaysClosedAndLearnsItsKind() {
        ProfileDocument profile = apply(ProfileDocument.empty(CUSTOMER), "e1", new CaseClosed("desk", "C-1", "K-1", "refunded", T0.plusSeconds(60)));
        profile = apply(profile, "e2", new CaseOpened("desk", "C-1", "K-1", CaseKind.COMPLAINT, "late parcel", "high", T0));

        ServiceCase serviceCase = profile.state().cases().getFirst();
        assertThat(serviceCase.open()).isFalse();
        assertThat(serviceCase.opened().kind()).isEqualTo(CaseKind.COMPLAINT);
        assertThat(serviceCase.closed().resolution()).isEqualTo("refunded");
    }

    @Test
    void anOlderAccountUpdateArrivingLateDoesNotRollTheBalanceBack() {
        ProfileDocument profile = apply(ProfileDocument.empty(CUSTOMER), "e1", account("900", T0.plusSeconds(10)));
        profile = apply(profile, "e2", account("100", T0));

        assertThat(profile.state().holdings()).singleElement().extracting(Holding::balance).isEqualTo(new BigDecimal("900"));
    }

    @Test
    void anOldVersionOfAContactArrivingLateDoesNotRollItsDispositionBack() {
        UUID interaction = UUID.randomUUID();
        ProfileDocument profile = apply(ProfileDocument.empty(CUSTOMER), "e1",
                new InteractionUpdated(interaction, CUSTOMER, 3, "resolved", List.of(), "alice", T0.plusSeconds(30)));
        profile = apply(profile, "e2", new InteractionUpdated(interaction, CUSTOMER, 2, "callback", List.of(), "alice", T0));
        profile = apply(profile, "e3", new InteractionLogged(interaction, CUSTOMER, null, Channel.EMAIL, Direction.INBOUND, T0,
                "mail", "m-1", true, null, List.of(), null, 1));

        Contact contact = profile.state().interactions().getFirst();
        assertThat(contact.update().disposition()).isEqualTo("resolved");
        assertThat(contact.logged().channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void onlyTheLastAppliedEventIdsAreRemembered() {
        ProfileDocument profile = ProfileDocument.empty(CUSTOMER);
        for (int i = 0; i < 5; i++) {
            profile = apply(profile, "e" + i, account(String.valueOf(i), T0.plusSeconds(i)));
        }

        assertThat(profile.appliedEvents()).containsExactly("e2", "e3", "e4");
    }

    @Test
    void aMergedProfileBecomesAPointerAndAcceptsNoMoreFacts() {
        UUID survivor = UUID.randomUUID();
        ProfileDocument merged = apply(ProfileDocument.empty(CUSTOMER), "e1", account("5", T0));

        ProfileDocument pointer = folding.mergedInto(merged, survivor);

        assertThat(pointer.mergedInto()).isEqualTo(survivor);
        assertThat(pointer.state().isEmpty()).isTrue();
        assertThat(apply(pointer, "e2", account("6", T0.plusSeconds(1)))).isSameAs(pointer);
        assertThat(folding.mergedInto(pointer, survivor)).isSameAs(pointer);
    }

    @Test
    void aSurvivorMergedMeanwhileTakesNothingIntoItsPointerWhereNoReaderWouldSeeIt() {
        ProfileDocument merged = apply(ProfileDocument.empty(UUID.randomUUID()), "e1", account("5", T0));
        ProfileDocument survivor = folding.mergedInto(apply(ProfileDocument.empty(CUSTOMER), "e2", account("6", T0)), UUID.randomUUID());

        assertThat(folding.absorb(survivor, merged, "merge")).isSameAs(survivor);
    }

    @Test
    void aSplitMovesTheFactsOfTheMovedRecordsOnly() {
        ProfileDocument profile = apply(ProfileDocument.empty(CUSTOMER), "e1", account("5", T0));
        profile = apply(profile, "e2", new AccountUpdated("loans", "L-9", "A-2", "loan", "lending", "open", BigDecimal.ONE,
                "EUR", null, T0));
        Set<Origin> moved = Set.of(new Origin("loans", "L-9"));

        assertThat(folding.splitPart(profile, moved).holdings()).extracting(Holding::accountId).containsExactly("A-2");
        assertThat(folding.splitOff(profile, moved, "split").state().holdings()).extracting(Holding::accountId).containsExactly("A-1");
    }

    @Test
    void aSplitMovesTheContactsOfTheMovedSenderRecordsAsTheTimelineDoesButContactsWithNoSenderRecordAndTasksStay() {
        UUID fromAnn = UUID.randomUUID();
        UUID fromBob = UUID.randomUUID();
        UUID unknownSender = UUID.randomUUID();
        UUID onlyUpdated = UUID.randomUUID();
        ProfileDocument profile = apply(ProfileDocument.empty(CUSTOMER), "e1", logged(fromAnn, new SourceRef("channel-email", "ann@example.org")));
        profile = apply(profile, "e2", new InteractionUpdated(fromAnn, CUSTOMER, 2, "resolved", List.of(), "alice", T0));
        profile = apply(profile, "e3", logged(fromBob, new SourceRef("channel-email", "bob@example.org")));
        profile = apply(profile, "e4", logged(unknownSender, null));
        profile = apply(profile, "e5", new InteractionUpdated(onlyUpdated, CUSTOMER, 2, "callback", List.of(), "alice", T0));
        profile = apply(profile, "e6", new TaskCompleted(UUID.randomUUID(), "agent-1", CUSTOMER, TaskOutcome.COMPLETED, "done", 60, T0));
        // identity spells the record as it stores it; interaction-service compares addresses trimmed and in lower case
        Set<Origin> moved = Set.of(new Origin("channel-email", "Ann@Example.org"));

        ProfileState part = folding.splitPart(profile, moved);
        ProfileDocument remaining = folding.splitOff(profile, moved, "split");

        assertThat(part.interactions()).singleElement().satisfies(contact -> {
            assertThat(contact.interactionId()).isEqualTo(fromAnn.toString());
            assertThat(contact.update().disposition()).isEqualTo("resolved");
        });
        assertThat(part.tasks()).isEmpty();
        assertThat(remaining.state().interactions()).extracting(Contact::interactionId)
                .containsExactlyInAnyOrder(fromBob.toString(), unknownSender.toString(), onlyUpdated.toString());
        assertThat(remaining.state().tasks()).hasSize(1);
    }

    @Test
    void identityEventsSayWhatHappensToWhichProfiles() {
        UUID survivor = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        SourceRef ref = new SourceRef("crm", "C-7");

        assertThat(ProfileEvents.of(new RecordLinked(CUSTOMER, ref, LinkDecision.MATCHED, 0.98, T0)))
                .isInstanceOfSatisfying(ProfileEvent.Linked.class, linked -> {
                    assertThat(linked.origin()).isEqualTo(new Origin("crm", "C-7"));
                    assertThat(linked.facts().sources()).singleElement().extracting(SourceLink::decision).isEqualTo("MATCHED");
                });
        assertThat(ProfileEvents.of(new CustomersMerged(UUID.randomUUID(), survivor, List.of(other), "same person", "dana", null, T0)))
                .isEqualTo(new ProfileEvent.Merged(survivor, List.of(other)));
        assertThat(ProfileEvents.of(new CustomerSplit(UUID.randomUUID(), CUSTOMER, other, List.of(ref), "wrong merge", "dana", T0)))
                .isEqualTo(new ProfileEvent.Split(CUSTOMER, other, Set.of(new Origin("crm", "C-7"))));
        assertThat(ProfileEvents.of(new AgentPresenceChanged("agent-1", AgentPresence.AWAY, null, null, T0)))
                .isInstanceOf(ProfileEvent.Ignored.class);
    }

    @Test
    void aBackOfficeFactWithoutItsCustomerNumberIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ProfileEvents.of(new CaseOpened("desk", " ", "K-1", CaseKind.RETURN, null, null, T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerNumber");
    }

    private static InteractionLogged logged(UUID interaction, SourceRef sender) {
        return new InteractionLogged(interaction, CUSTOMER, null, Channel.EMAIL, Direction.INBOUND, T0, "mail", "m-" + interaction, true,
                null, List.of(), null, 1, sender);
    }

    private static AccountUpdated account(String balance, Instant at) {
        return new AccountUpdated("bank", "B-1", "A-1", "current", "retail", "open", new BigDecimal(balance), "EUR", null, at);
    }

    private ProfileDocument apply(ProfileDocument profile, String eventId, Object event) {
        ProfileState facts = switch (ProfileEvents.of(event)) {
            case ProfileEvent.ForCustomer f -> f.facts();
            case ProfileEvent.ForSourceRecord f -> f.facts();
            default -> throw new AssertionError();
        };
        return folding.apply(profile, eventId, facts);
    }
}
