package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.SkillRequirement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Small builders for agents and tasks in core tests. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private Fixtures() {
    }

    static Agent agent(String id, Map<String, Integer> skills) {
        return new Agent(id, AgentPresence.AVAILABLE, skills, CapacityDefaults.standard(), Map.of(), NOW.minusSeconds(60));
    }

    static Task task(Channel channel, String queue, int priority, List<SkillRequirement> allOf) {
        return new Task(UUID.randomUUID(), channel, queue, priority, allOf, List.of(), List.of(), NOW, NOW, 0, Set.of());
    }

    static SkillRequirement needs(String skill, int min) {
        return new SkillRequirement(skill, min);
    }
}
