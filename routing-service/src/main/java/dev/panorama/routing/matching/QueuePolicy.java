package dev.panorama.routing.matching;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How one queue routes: its matching strategy, its escalation steps (sorted by time), its service-level target
 * and where tasks overflow to.
 *
 * @param slaTarget     a task should be offered within this time of entering the queue
 * @param overflowQueue where {@link EscalationAction#OVERFLOW} sends tasks; without one that step does nothing
 */
public record QueuePolicy(String id, Strategy strategy, List<EscalationStep> steps, Duration slaTarget,
        Optional<String> overflowQueue) {

    public QueuePolicy {
        steps = steps.stream().sorted(Comparator.comparing(EscalationStep::after)).toList();
        overflowQueue = overflowQueue.filter(queue -> !queue.equals(id));
    }

    public static QueuePolicy simple(String id, Strategy strategy) {
        return new QueuePolicy(id, strategy, List.of(), Duration.ofSeconds(30), Optional.empty());
    }

    /** Whether tasks are first held for their preferred agents (until an opening step applies). */
    public boolean holdsForPreferredAgents() {
        return steps.stream().anyMatch(step -> step.action() == EscalationAction.OPEN_TO_ALL_QUALIFIED);
    }
}
