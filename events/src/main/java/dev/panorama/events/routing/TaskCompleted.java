package dev.panorama.events.routing;

import dev.panorama.events.OptionalField;
import java.time.Instant;
import java.util.UUID;

/** A task ended, and how. */
public record TaskCompleted(
        UUID taskId,
        @OptionalField String agentId,
        @OptionalField UUID customerId,
        TaskOutcome outcome,
        @OptionalField String disposition,
        long handleMillis,
        Instant completedAt) {
}
