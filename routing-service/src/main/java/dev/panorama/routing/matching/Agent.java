package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * An agent as routing sees it at one moment: presence, skills (proficiency 1-5), capacity and current load per
 * channel, and since when the agent has had nothing new (for "longest idle").
 *
 * @param load tasks offered to or held by the agent per channel, including tasks in wrap-up
 */
public record Agent(String id, AgentPresence presence, Map<String, Integer> skills, Map<Channel, Integer> capacity,
        Map<Channel, Integer> load, Instant idleSince) {

    public Agent {
        // no copy of maps that are immutable already (a kept profile's, a round's agents planned on again)
        skills = Map.copyOf(skills);
        capacity = Map.copyOf(capacity);
        load = Map.copyOf(load);
    }

    /** Only an available agent receives offers; busy, away, offline and wrap-up agents never do. */
    public boolean routable() {
        return presence == AgentPresence.AVAILABLE;
    }

    public int capacityOn(Channel channel) {
        return capacity.getOrDefault(channel, 0);
    }

    public int loadOn(Channel channel) {
        return load.getOrDefault(channel, 0);
    }

    public boolean hasRoomOn(Channel channel) {
        return loadOn(channel) < capacityOn(channel);
    }

    /** 0 when the skill is not held. */
    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }

    /** Share of the agent's whole capacity (every channel) that is free, 0..1. */
    public double spareShare() {
        int total = sum(capacity);
        return total == 0 ? 0 : Math.max(0, total - sum(load)) / (double) total;
    }

    private static int sum(Map<Channel, Integer> perChannel) {
        int sum = 0;
        for (int count : perChannel.values()) {
            sum += count;
        }
        return sum;
    }

    /** The same agent holding one more task on the channel. */
    public Agent withOneMore(Channel channel, Instant now) {
        Map<Channel, Integer> more = new EnumMap<>(Channel.class);
        more.putAll(load);
        more.merge(channel, 1, Integer::sum);
        return new Agent(id, presence, skills, capacity, more, idleSince);
    }
}
