package dev.panorama.events.routing;

import dev.panorama.events.OptionalField;
import java.time.Instant;

/** An agent's presence changed. */
public record AgentPresenceChanged(
        String agentId,
        AgentPresence presence,
        @OptionalField AgentPresence previous,
        @OptionalField String reason,
        Instant changedAt) {
}
