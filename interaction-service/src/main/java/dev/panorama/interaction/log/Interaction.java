package dev.panorama.interaction.log;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.interaction.RoutingHints;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact as stored: what the channel delivered (never changed, only erased), who the customer is, and every
 * version of what may change.
 *
 * @param senderRecord the identity source record of the customer's address ({@code channel-email|x@y}); null when none
 */
public record Interaction(UUID id, UUID customerId, Resolution resolution, String senderRecord, ChannelMessage contact,
        String conversationId, String campaignReference, boolean needsResponse, RoutingHints routingHints,
        Instant receivedAt, List<InteractionVersion> versions) {

    public Interaction {
        versions = List.copyOf(versions);
    }

    /** The latest version; null for the tombstone of an erased customer's contact, whose versions are gone. */
    public InteractionVersion current() {
        return versions.isEmpty() ? null : versions.getLast();
    }

    public int version() {
        return versions.isEmpty() ? 0 : current().version();
    }
}
