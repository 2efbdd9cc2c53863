package dev.panorama.routing.matching;

import static dev.panorama.routing.matching.Fixtures.NOW;
import static dev.panorama.routing.matching.Fixtures.needs;
import static dev.panorama.routing.matching.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whom a round for new tasks needs to read: the agents their queues admit, found through the skills they need. */
class AgentRosterTest {

    private static final Agent BILLING_EXPERT = agent("a", Map.of("billing", 4, "de", 2), Map.of(Channel.EMAIL, 3));
    private static final Agent BILLING_NOVICE = agent("b", Map.of("billing", 1), Map.of(Channel.EMAIL, 3));
    private static final Agent PHONE_ONLY = agent("c", Map.of("billing", 5, "de", 5), Map.of(Channel.PHONE, 1));
    private static final Agent GERMAN_SPEAKER = agent("d", Map.of("de", 3), Map.of(Channel.EMAIL, 1, Channel.PHONE, 0));
    private static final AgentRoster ROSTER = AgentRoster.of(List.of(BILLING_EXPERT, BILLING_NOVICE, PHONE_ONLY, GERMAN_SPEAKER));
    private static final Map<String, QueuePolicy> QUEUES = Map.of(
            "support", QueuePolicy.simple("support", Strategy.BEST_SCORE),
            "rotation", QueuePolicy.simple("rotation", Strategy.ROUND_ROBIN),
            "preferred-first", new QueuePolicy("preferred-first", Strategy.BEST_SCORE,
                    List.of(new EscalationStep(Duration.ofSeconds(60), EscalationAction.OPEN_TO_ALL_QUALIFIED, 0)),
                    Duration.ofSeconds(30), Optional.empty()));

    private static Agent agent(String id, Map<String, Integer> skills, Map<Channel, Integer> capacity) {
        return new Agent(id, AgentPresence.AVAILABLE, skills, capacity, Map.of(), NOW);
    }

    @Test
    void skillBasedScoringAdmitsWhoeverMeetsTheTaskWithASlotOnItsChannel() {
        assertThat(ROSTER.admittedForAny(List.of(task(Channel.EMAIL, "support", 10, List.of(needs("billing", 3)))), QUEUES))
                .containsExactly("a");
        assertThat(ROSTER.admittedForAny(List.of(task(Channel.EMAIL, "support", 10, List.of())), QUEUES))
                .as("no skill needed").containsExactlyInAnyOrder("a", "b", "d");
        assertThat(ROSTER.admittedForAny(List.of(task(Channel.PHONE, "support", 10, List.of(needs("de", 3)))), QUEUES))
                .as("a slot of 0 is none").containsExactly("c");
    }

    @Test
    void anyOneOfSeveralSkillsAdmitsItsHolders() {
        Task task = new Task(UUID.randomUUID(), Channel.EMAIL, "support", 10, List.of(), List.of(needs("billing", 2), needs("de", 2)),
                List.of(), NOW, NOW, 0, Set.of());

        assertThat(ROSTER.admittedForAny(List.of(task), QUEUES)).containsExactlyInAnyOrder("a", "d");
    }

    @Test
    void onlyThePreferredAgentsWhileTheQueueHoldsTasksForThem() {
        Task task = new Task(UUID.randomUUID(), Channel.EMAIL, "preferred-first", 10, List.of(needs("billing", 1)), List.of(),
                List.of("b", "nobody"), NOW, NOW, 0, Set.of());

        assertThat(ROSTER.admittedForAny(List.of(task), QUEUES)).containsExactly("b");
    }

    @Test
    void aTaskEscalatedFromALowerStepAdmitsOnlyTheAgentsThatStepDidNot() {
        Task opened = new Task(UUID.randomUUID(), Channel.EMAIL, "preferred-first", 10, List.of(needs("billing", 1)), List.of(),
                List.of("b"), NOW, NOW, 1, Set.of());

        assertThat(ROSTER.admittedForAny(List.of(opened), QUEUES)).containsExactly("a", "b");
        assertThat(ROSTER.admittedForAny(List.of(opened), QUEUES, Map.of(opened.id(), 0)))
                .as("b was admitted while the task was held for it").containsExactly("a");
        assertThat(ROSTER.admittedForAny(List.of(opened), QUEUES, Map.of(opened.id(), 1)))
                .as("not escalated since that step").containsExactly("a", "b");
    }

    @Test
    void anEscalatedTaskOfARotationAdmitsNobodyNew() {
        Task rotated = task(Channel.EMAIL, "rotation", 10, List.of(needs("billing", 3))).atLevel(1);

        assertThat(ROSTER.admittedForAny(List.of(rotated), QUEUES, Map.of(rotated.id(), 0))).isEmpty();
    }

    @Test
    void aRotationLooksAtNoSkillAndAGoneQueueAdmitsNobody() {
        assertThat(ROSTER.admittedForAny(List.of(task(Channel.EMAIL, "rotation", 10, List.of(needs("billing", 3)))), QUEUES))
                .containsExactlyInAnyOrder("a", "b", "d");
        assertThat(ROSTER.admittedForAny(List.of(task(Channel.EMAIL, "gone", 10, List.of())), QUEUES)).isEmpty();
    }

    @Test
    void itHoldsTheProfilesItWasBuiltFromNotOthersOfTheSameAgent() {
        Agent retrained = agent("a", Map.of("billing", 4, "de", 2, "loans", 3), Map.of(Channel.EMAIL, 3));

        assertThat(ROSTER.holds(BILLING_EXPERT)).isTrue();
        assertThat(ROSTER.holds(retrained)).isFalse();
        assertThat(ROSTER.holds(agent("z", Map.of(), Map.of()))).isFalse();
    }
}
