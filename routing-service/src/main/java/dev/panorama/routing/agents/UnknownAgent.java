package dev.panorama.routing.agents;

import dev.panorama.kit.problem.DomainException;

/** No agent has this id. */
public class UnknownAgent extends DomainException {

    public UnknownAgent(String agentId) {
        super(Kind.NOT_FOUND, "unknown-agent", "No agent " + agentId + ".");
    }
}
