package dev.panorama.routing.agents;

import dev.panorama.kit.problem.DomainException;

/** The agent cannot take this task now: not available, or no room left on the task's channel. */
public class AgentUnavailable extends DomainException {

    public AgentUnavailable(String agentId, String why) {
        super(Kind.UNPROCESSABLE, "agent-unavailable", "Agent " + agentId + " cannot take the task: " + why + ".");
    }
}
