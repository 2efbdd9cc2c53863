package dev.panorama.routing.tasks;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import java.util.List;
import java.util.UUID;

/** What a task is created from, by the API or from an interaction that needs an answer. */
public record NewTask(UUID id, Channel channel, String queueId, int priority, List<SkillRequirement> requiredSkills,
        List<SkillRequirement> anyOfSkills, List<String> preferredAgents, UUID customerId, UUID interactionId,
        String subject, String source, String createdBy) {

    public NewTask {
        requiredSkills = List.copyOf(requiredSkills);
        anyOfSkills = List.copyOf(anyOfSkills);
        preferredAgents = List.copyOf(preferredAgents);
    }

    public List<String> skillNames() {
        return java.util.stream.Stream.concat(requiredSkills.stream(), anyOfSkills.stream()).map(SkillRequirement::skill)
                .distinct().toList();
    }
}
