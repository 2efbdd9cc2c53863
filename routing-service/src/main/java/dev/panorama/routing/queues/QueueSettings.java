package dev.panorama.routing.queues;

import dev.panorama.routing.matching.EscalationAction;
import dev.panorama.routing.matching.EscalationStep;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.matching.Strategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A queue as stored and as the API shows it.
 *
 * @param escalationSteps   timed steps, applied in order of {@code afterSeconds} from the task's entry into the queue
 * @param slaTargetSeconds  a task should be offered within this many seconds
 * @param overflowQueueId   where an OVERFLOW step sends tasks (optional)
 * @param offerTimeoutSeconds how long an agent has to answer an offer
 * @param wrapUpSeconds     how long wrap-up lasts unless the agent completes the task earlier
 * @param maxWaitSeconds    a task still unassigned this long after it entered the queue expires (optional)
 */
public record QueueSettings(String id, String name, Strategy strategy, List<Step> escalationSteps, int slaTargetSeconds,
        String overflowQueueId, int offerTimeoutSeconds, int wrapUpSeconds, Integer maxWaitSeconds) {

    /** One escalation step: after so many seconds in the queue, do this; {@code amount} for RELAX_PROFICIENCY. */
    public record Step(int afterSeconds, EscalationAction action, int amount) {
    }

    public QueuePolicy policy() {
        List<EscalationStep> steps = escalationSteps.stream()
                .map(step -> new EscalationStep(Duration.ofSeconds(step.afterSeconds()), step.action(), step.amount()))
                .toList();
        return new QueuePolicy(id, strategy, steps, Duration.ofSeconds(slaTargetSeconds), Optional.ofNullable(overflowQueueId));
    }

    /** When the first escalation step is due for a task entering the queue at {@code entered}; null without steps. */
    public Instant firstStepDue(Instant entered) {
        OptionalInt first = escalationSteps.stream().mapToInt(Step::afterSeconds).min();
        return first.isPresent() ? entered.plusSeconds(first.getAsInt()) : null;
    }

    /** When a task entering the queue at {@code entered} expires unless assigned by then; null without a max wait. */
    public Instant maxWaitEnds(Instant entered) {
        return maxWaitSeconds == null ? null : entered.plusSeconds(maxWaitSeconds);
    }

    public Duration offerTimeout() {
        return Duration.ofSeconds(offerTimeoutSeconds);
    }

    public Duration wrapUp() {
        return Duration.ofSeconds(wrapUpSeconds);
    }
}
