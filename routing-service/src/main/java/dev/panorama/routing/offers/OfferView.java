package dev.panorama.routing.offers;

import dev.panorama.events.channel.Channel;
import java.time.Instant;
import java.util.UUID;

/**
 * An offer as the agent console shows it: the task it reserves, for whom, until when.
 *
 * @param subject a short label of the request (e.g. its intent), never the message itself
 */
public record OfferView(UUID offerId, UUID taskId, String agentId, OfferStatus status, Channel channel, String queueId,
        int priority, String subject, UUID customerId, Instant offeredAt, Instant expiresAt, Instant closedAt) {
}
