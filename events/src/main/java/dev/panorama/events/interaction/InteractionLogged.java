package dev.panorama.events.interaction;

import dev.panorama.events.OptionalField;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contact was stored in the customer's timeline (topic panorama.interactions). */
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
        int version) {

    /** Absent lists read as empty, so consumers never meet null. */
    public InteractionLogged {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
