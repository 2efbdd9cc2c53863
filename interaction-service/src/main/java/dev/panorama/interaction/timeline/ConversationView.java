package dev.panorama.interaction.timeline;

import dev.panorama.events.channel.Channel;
import java.util.List;
import java.util.UUID;

/** One thread, oldest contact first, whatever channels it moved through. */
public record ConversationView(String conversationId, List<Channel> channels, List<UUID> customerIds, List<InteractionView> interactions,
        String nextCursor) {
}
