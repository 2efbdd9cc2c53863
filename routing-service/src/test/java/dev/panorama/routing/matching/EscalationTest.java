package dev.panorama.routing.matching;

import static dev.panorama.routing.matching.Fixtures.NOW;
import static dev.panorama.routing.matching.Fixtures.agent;
import static dev.panorama.routing.matching.Fixtures.needs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EscalationTest {

    private static final QueuePolicy QUEUE = new QueuePolicy("billing", Strategy.BEST_SCORE, List.of(
            EscalationStep.of(Duration.ofSeconds(10), EscalationAction.OPEN_TO_ALL_QUALIFIED),
            new EscalationStep(Duration.ofSeconds(30), EscalationAction.RELAX_PROFICIENCY, 2),
            EscalationStep.of(Duration.ofSeconds(60), EscalationAction.WIDEN_SKILLS),
            EscalationStep.of(Duration.ofSeconds(120), EscalationAction.OVERFLOW)),
            Duration.ofSeconds(20), Optional.of("general"));

    private static final Task TASK = new Task(UUID.randomUUID(), Channel.EMAIL, "billing", 10,
            List.of(needs("billing", 4), needs("de", 3)), List.of(), List.of("pat"), NOW, NOW, 0, Set.of());

    @Test
    void stepsApplyAsTheTaskWaits() {
        assertThat(Escalation.at(TASK, QUEUE, NOW.plusSeconds(9)).level()).isZero();
        assertThat(Escalation.at(TASK, QUEUE, NOW.plusSeconds(10)).level()).isEqualTo(1);
        assertThat(Escalation.at(TASK, QUEUE, NOW.plusSeconds(65)).level()).isEqualTo(3);
        assertThat(Escalation.at(TASK, QUEUE, NOW.plusSeconds(65)).overflowTo()).isEmpty();
    }

    @Test
    void theLastStepMovesTheTaskToTheOverflowQueue() {
        Escalation.Outcome outcome = Escalation.at(TASK, QUEUE, NOW.plusSeconds(121));
        assertThat(outcome.overflowTo()).contains("general");
        assertThat(outcome.level()).isZero();
    }

    @Test
    void withoutAnOverflowQueueTheOverflowStepChangesNothing() {
        QueuePolicy alone = new QueuePolicy("billing", Strategy.BEST_SCORE, QUEUE.steps(), QUEUE.slaTarget(), Optional.empty());
        assertThat(Escalation.at(TASK, alone, NOW.plusSeconds(500))).isEqualTo(new Escalation.Outcome(4, Optional.empty()));
    }

    @Test
    void eachStepLoosensWhoMayTakeTheTask() {
        var pat = agent("pat", Map.of("billing", 4, "de", 3));
        var expert = agent("kim", Map.of("billing", 5, "de", 5));
        var junior = agent("lou", Map.of("billing", 2, "de", 1));
        var germanOnly = agent("max", Map.of("de", 1));

        Requirements first = Requirements.of(TASK, QUEUE);
        assertThat(List.of(pat, expert, junior, germanOnly)).filteredOn(first::metBy).extracting(Agent::id).containsExactly("pat");

        Requirements opened = Requirements.of(atLevel(1), QUEUE);
        assertThat(List.of(pat, expert, junior, germanOnly)).filteredOn(opened::metBy).extracting(Agent::id).containsExactly("pat", "kim");

        Requirements relaxed = Requirements.of(atLevel(2), QUEUE);
        assertThat(relaxed.allOf()).containsExactly(needs("billing", 2), needs("de", 1));
        assertThat(List.of(pat, expert, junior, germanOnly)).filteredOn(relaxed::metBy).extracting(Agent::id).containsExactly("pat", "kim", "lou");

        Requirements widened = Requirements.of(atLevel(3), QUEUE);
        assertThat(List.of(pat, expert, junior, germanOnly)).filteredOn(widened::metBy).hasSize(4);
    }

    @Test
    void aQueueWithoutAnOpeningStepNeverHoldsForPreferredAgents() {
        QueuePolicy plain = QueuePolicy.simple("billing", Strategy.BEST_SCORE);
        assertThat(Requirements.of(TASK, plain).metBy(agent("kim", Map.of("billing", 5, "de", 5)))).isTrue();
    }

    @Test
    void theHoldForPreferredAgentsLastsThroughRelaxingAndWideningUntilTheOpeningStep() {
        QueuePolicy opensLate = new QueuePolicy("billing", Strategy.BEST_SCORE, List.of(
                new EscalationStep(Duration.ofSeconds(30), EscalationAction.RELAX_PROFICIENCY, 2),
                EscalationStep.of(Duration.ofSeconds(60), EscalationAction.WIDEN_SKILLS),
                EscalationStep.of(Duration.ofSeconds(120), EscalationAction.OPEN_TO_ALL_QUALIFIED)),
                Duration.ofSeconds(20), Optional.empty());
        var juniorPat = agent("pat", Map.of("billing", 2, "de", 1));
        var expert = agent("kim", Map.of("billing", 5, "de", 5));

        Requirements relaxed = Requirements.of(atLevel(1), opensLate);
        assertThat(List.of(juniorPat, expert)).filteredOn(relaxed::metBy).extracting(Agent::id).containsExactly("pat");
        Requirements widened = Requirements.of(atLevel(2), opensLate);
        assertThat(List.of(juniorPat, expert)).filteredOn(widened::metBy).extracting(Agent::id).containsExactly("pat");
        Requirements opened = Requirements.of(atLevel(3), opensLate);
        assertThat(List.of(juniorPat, expert)).filteredOn(opened::metBy).extracting(Agent::id).containsExactly("pat", "kim");
    }

    private static Task atLevel(int level) {
        return new Task(TASK.id(), TASK.channel(), TASK.queueId(), TASK.priority(), TASK.allOf(), TASK.anyOf(),
                TASK.preferredAgents(), TASK.createdAt(), TASK.queuedAt(), level, TASK.excludedAgents());
    }
}
