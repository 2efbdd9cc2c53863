package dev.panorama.events.routing;

import dev.panorama.events.OptionalField;
import dev.panorama.events.channel.Channel;
import java.time.Instant;
import java.util.UUID;

/** An agent accepted a task. */
public record TaskAssigned(
        UUID taskId,
        String agentId,
        @OptionalField UUID customerId,
        Channel channel,
        String queueId,
        long waitMillis,
        Instant assignedAt) {
}
