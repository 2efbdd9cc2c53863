package dev.panorama.routing.matching;

import dev.panorama.events.routing.SkillRequirement;
import java.time.Duration;
import java.time.Instant;

/**
 * The documented score of an agent for a task, 0..1, highest wins (ties: lowest agent id):
 *
 * <pre>
 * score = 0.40 x skillFit + 0.25 x preferred + 0.20 x idle + 0.15 x spare
 *   skillFit  = mean, over the task's all-of skills and its best any-of skill, of proficiency / 5 (1 when none needed)
 *   preferred = 1 for the customer's first preferred agent, minus 0.2 per rank after it (0 when not preferred)
 *   idle      = time since the agent last took a task or became available, capped at {@code idleCap}, as a share of it
 *   spare     = share of the agent's capacity over all channels that is free
 * </pre>
 *
 * Skill fit uses the task's own requirements, not the loosened ones of its escalation step: a more proficient
 * agent stays the better choice even when a less proficient one would now do.
 */
public record BestScore(double skillWeight, double preferredWeight, double idleWeight, double spareWeight,
        Duration idleCap) {

    public static final BestScore DEFAULT = new BestScore(0.40, 0.25, 0.20, 0.15, Duration.ofMinutes(10));

    public double of(Agent agent, Task task, Instant now) {
        return skillWeight * skillFit(agent, task) + preferredWeight * preferred(agent, task)
                + idleWeight * idle(agent, now) + spareWeight * agent.spareShare();
    }

    static double skillFit(Agent agent, Task task) {
        double sum = 0;
        int count = 0;
        for (SkillRequirement need : task.allOf()) {
            sum += share(agent, need);
            count++;
        }
        if (!task.anyOf().isEmpty()) {
            double best = 0;
            for (SkillRequirement need : task.anyOf()) {
                best = Math.max(best, share(agent, need));
            }
            sum += best;
            count++;
        }
        return count == 0 ? 1 : sum / count;
    }

    static double preferred(Agent agent, Task task) {
        int rank = task.preferredAgents().indexOf(agent.id());
        return rank < 0 ? 0 : Math.max(0, 1 - 0.2 * rank);
    }

    private double idle(Agent agent, Instant now) {
        if (agent.idleSince() == null) {
            return 1;
        }
        Duration idle = Duration.between(agent.idleSince(), now);
        if (idle.isNegative()) {
            return 0;
        }
        return Math.min(1, idle.toMillis() / (double) idleCap.toMillis());
    }

    private static double share(Agent agent, SkillRequirement need) {
        return Math.min(5, agent.proficiency(need.skill())) / 5.0;
    }
}
