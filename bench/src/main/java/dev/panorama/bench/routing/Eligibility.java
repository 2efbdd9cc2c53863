package dev.panorama.bench.routing;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.routing.matching.Agent;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.matching.Requirements;
import dev.panorama.routing.matching.Strategy;
import dev.panorama.routing.matching.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * When a task's requirements first admitted an agent, by the routing service's own rules ({@link Requirements}):
 * round robin admits every agent at once; skill-based scoring admits an agent at the first escalation level whose
 * requirements it meets, which is reached when that step is due (the time in the queue the step names).
 */
final class Eligibility {

    private Eligibility() {
    }

    /** Empty when no level admits the agent (an offer that breaks the queue's rules). */
    static Optional<Instant> from(QueuePolicy queue, RoutingSimulation.TaskSpec spec, RoutingSimulation.AgentSpec agent,
            Instant queuedAt) {
        if (queue.strategy() == Strategy.ROUND_ROBIN) {
            return Optional.of(queuedAt);
        }
        Agent asRouted = new Agent(agent.id(), AgentPresence.AVAILABLE, agent.skills(), Map.of(), Map.of(), queuedAt);
        List<SkillRequirement> allOf = spec.required().entrySet().stream()
                .map(need -> new SkillRequirement(need.getKey(), need.getValue())).toList();
        for (int level = 0; level <= queue.steps().size(); level++) {
            Task task = new Task(UUID.randomUUID(), Channel.valueOf(spec.channel()), queue.id(), spec.priority(), allOf, List.of(),
                    spec.preferred(), queuedAt, queuedAt, level, Set.of());
            if (Requirements.of(task, queue).metBy(asRouted)) {
                return Optional.of(queuedAt.plus(level == 0 ? Duration.ZERO : queue.steps().get(level - 1).after()));
            }
        }
        return Optional.empty();
    }
}
