package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A routable task as matching sees it.
 *
 * @param allOf           skills the agent must all hold, each at least at its minimum proficiency
 * @param anyOf           skills of which the agent must hold at least one (at its minimum); empty: no such need
 * @param preferredAgents agents the customer knows, best first
 * @param priority        0 (lowest) to 100 (highest)
 * @param createdAt       when the request came in: age, and with it aging, counts from here
 * @param queuedAt        when it entered its current queue: escalation steps count from here
 * @param escalationLevel how many of the queue's escalation steps have been applied
 * @param excludedAgents  agents who recently rejected or missed this task
 */
public record Task(UUID id, Channel channel, String queueId, int priority, List<SkillRequirement> allOf,
        List<SkillRequirement> anyOf, List<String> preferredAgents, Instant createdAt, Instant queuedAt,
        int escalationLevel, Set<String> excludedAgents) {

    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 100;

    public Task {
        allOf = List.copyOf(allOf);
        anyOf = List.copyOf(anyOf);
        preferredAgents = List.copyOf(preferredAgents);
        excludedAgents = Set.copyOf(excludedAgents);
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be between 0 and 100");
        }
    }

    /** This task as it was, or will be, at another escalation step of its queue. */
    public Task atLevel(int level) {
        return new Task(id, channel, queueId, priority, allOf, anyOf, preferredAgents, createdAt, queuedAt, level,
                excludedAgents);
    }
}
