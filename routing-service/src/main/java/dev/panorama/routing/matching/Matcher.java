package dev.panorama.routing.matching;

import java.time.Instant;
import java.util.Collection;
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

    /** The first agent after {@code after} in id order who may take the task, else the first from the start (one pass, no sort). */
    private static Optional<Agent> nextInRotation(Task task, Collection<Agent> agents, String after) {
        Agent first = null;
        Agent next = null;
        for (Agent agent : agents) {
            if (!mayTake(agent, task)) {
                continue;
            }
            if (first == null || agent.id().compareTo(first.id()) < 0) {
                first = agent;
            }
            if ((after == null || agent.id().compareTo(after) > 0) && (next == null || agent.id().compareTo(next.id()) < 0)) {
                next = agent;
            }
        }
        return Optional.ofNullable(next != null ? next : first);
    }
}
