package dev.panorama.routing.agents;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent as the API shows it.
 *
 * @param capacity tasks the agent holds at once per channel
 * @param load     tasks offered to or held by the agent now, per channel (wrap-up included)
 * @param missedOffers offers in a row the agent let time out
 */
public record AgentView(String id, String displayName, AgentPresence presence, String presenceReason,
        Instant presenceSince, Instant wrapUpUntil, List<SkillLevel> skills, Map<Channel, Integer> capacity,
        Map<Channel, Integer> load, int missedOffers) {

    /** A skill the agent holds, at a proficiency of 1 (basic) to 5 (expert). */
    public record SkillLevel(String skill, int proficiency) {
    }
}
