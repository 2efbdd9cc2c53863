package dev.panorama.routing.matching;

import java.time.Duration;
import java.util.Objects;

/**
 * One timed step of a queue's escalation.
 *
 * @param after  time in the queue after which the step applies
 * @param amount for {@link EscalationAction#RELAX_PROFICIENCY}: how many levels; ignored otherwise
 */
public record EscalationStep(Duration after, EscalationAction action, int amount) {

    public EscalationStep {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(action, "action");
        if (after.isNegative()) {
            throw new IllegalArgumentException("an escalation step cannot apply before the task is queued");
        }
    }

    public static EscalationStep of(Duration after, EscalationAction action) {
        return new EscalationStep(after, action, action == EscalationAction.RELAX_PROFICIENCY ? 1 : 0);
    }
}
