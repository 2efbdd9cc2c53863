package dev.panorama.events.routing;

import dev.panorama.events.OptionalField;
import dev.panorama.events.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A routing task was created for a customer request. */
public record TaskCreated(
        UUID taskId,
        @OptionalField UUID customerId,
        @OptionalField UUID interactionId,
        Channel channel,
        String queueId,
        int priority,
        List<SkillRequirement> requiredSkills,
        Instant createdAt) {

    /** Absent lists read as empty, so consumers never meet null. */
    public TaskCreated {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
    }
}
