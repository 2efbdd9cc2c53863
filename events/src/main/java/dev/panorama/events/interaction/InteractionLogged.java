package dev.panorama.events.interaction;

import dev.panorama.events.OptionalField;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact was stored in the customer's timeline (topic panorama.interactions).
 *
 * @param senderRecord identity's source record of the customer's address on the channel (system {@code channel-<channel>},
 *                     id the address in lower case): a {@code CustomerSplit} moving that record moves the contact with
 *                     it; absent when the contact has no address
 */
public record InteractionLogged(
        UUID interactionId,
        @OptionalField UUID customerId,
        @OptionalField String conversationId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        String sourceSystem,
        String sourceMessageId,
        boolean needsResponse,
        @OptionalField RoutingHints routingHints,
        List<String> tags,
        @OptionalField String campaignReference,
        int version,
        @OptionalField SourceRef senderRecord) {

    /** Absent lists read as empty, so consumers never meet null. */
    public InteractionLogged {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A contact whose sender record is not known. */
    public InteractionLogged(UUID interactionId, UUID customerId, String conversationId, Channel channel, Direction direction,
            Instant occurredAt, String sourceSystem, String sourceMessageId, boolean needsResponse, RoutingHints routingHints,
            List<String> tags, String campaignReference, int version) {
        this(interactionId, customerId, conversationId, channel, direction, occurredAt, sourceSystem, sourceMessageId,
                needsResponse, routingHints, tags, campaignReference, version, null);
    }
}
