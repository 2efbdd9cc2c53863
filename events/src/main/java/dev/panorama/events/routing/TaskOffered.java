package dev.panorama.events.routing;

import dev.panorama.events.OptionalField;
import java.time.Instant;
import java.util.UUID;

/** A task was offered (reserved) to an agent until the offer expires. */
public record TaskOffered(
        UUID taskId,
        UUID offerId,
        String agentId,
        @OptionalField UUID customerId,
        Instant offeredAt,
        Instant expiresAt) {
}
