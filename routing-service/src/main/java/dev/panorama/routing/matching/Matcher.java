package dev.panorama.routing.matching;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Chooses the agent for one task among the given agents, by the task's queue's strategy. */
public record Matcher(BestScore score) {

    public static final Matcher DEFAULT = new Matcher(BestScore.DEFAULT);

    /**
     * @param roundRobinAfter the agent the queue's rotation last served (round robin continues after it), or null
     */
    public Optional<Agent> choose(Task task, QueuePolicy queue, Collection<Agent> agents, Instant now,
            String roundRobinAfter) {
        return switch (queue.strategy()) {
            case BEST_SCORE -> bestScore(task, Requirements.of(task, queue), agents, now);
            case ROUND_ROBIN -> nextInRotation(task, agents, roundRobinAfter);
        };
    }

    /** Available, room on the task's channel, and not among those who just turned it down. */
    public static boolean mayTake(Agent agent, Task task) {
        return agent.routable() && agent.hasRoomOn(task.channel()) && !task.excludedAgents().contains(agent.id());
    }

    /** Highest score wins, ties to the lowest agent id; each agent's score is computed once. */
    private Optional<Agent> bestScore(Task task, Requirements requirements, Collection<Agent> agents, Instant now) {
        Agent best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Agent agent : agents) {
            if (!mayTake(agent, task) || !requirements.metBy(agent)) {
                continue;
            }
            double candidate = score.of(agent, task, now);
            if (best == null || candidate > bestScore || candidate == bestScore && agent.id().compareTo(best.id()) < 0) {
                best = agent;
                bestScore = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Agent> nextInRotation(Task task, Collection<Agent> agents, String after) {
        Comparator<Agent> byId = Comparator.comparing(Agent::id);
        var eligible = agents.stream().filter(agent -> mayTake(agent, task)).sorted(byId).toList();
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        return eligible.stream().filter(agent -> after == null || agent.id().compareTo(after) > 0).findFirst()
                .or(() -> Optional.of(eligible.getFirst()));
    }
}
