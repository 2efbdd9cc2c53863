package dev.panorama.routing.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which of its queue's escalation steps a waiting task has reached, and whether it must overflow. */
public final class Escalation {

    private Escalation() {
    }

    /** What to do with a task now: raise its level, move it to another queue, or nothing. */
    public record Outcome(int level, Optional<String> overflowTo) {

        public boolean changes(Task task) {
            return overflowTo.isPresent() || level != task.escalationLevel();
        }
    }

    /**
     * Steps only ever add up (a level never goes down); reaching an {@link EscalationAction#OVERFLOW} step with an
     * overflow queue moves the task there at level 0, so that queue's own steps apply from the start.
     */
    public static Outcome at(Task task, QueuePolicy queue, Instant now) {
        Duration waited = Duration.between(task.queuedAt(), now);
        List<EscalationStep> steps = queue.steps();
        int level = task.escalationLevel();
        while (level < steps.size() && !waited.minus(steps.get(level).after()).isNegative()) {
            EscalationStep reached = steps.get(level);
            level++;
            if (reached.action() == EscalationAction.OVERFLOW && queue.overflowQueue().isPresent()) {
                return new Outcome(0, queue.overflowQueue());
            }
        }
        return new Outcome(level, Optional.empty());
    }
}
