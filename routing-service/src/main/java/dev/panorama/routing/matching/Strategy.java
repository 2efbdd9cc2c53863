package dev.panorama.routing.matching;

/** How a queue picks among the agents who may take a task. */
public enum Strategy {
    /** The highest {@link BestScore} among agents who meet the task's requirements at its escalation step. */
    BEST_SCORE,
    /**
     * Skill-blind rotation through every available agent with room on the channel, in agent id order: the baseline
     * skill-based routing is measured against. Preferred agents and skills are ignored on purpose.
     */
    ROUND_ROBIN
}
