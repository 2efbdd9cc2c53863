package dev.panorama.interaction.timeline;

import dev.panorama.events.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How much and how recently a customer was in contact, in total and per channel. */
public record CustomerSummary(UUID customerId, long total, Instant lastContactAt, List<ChannelSummary> channels) {

    public record ChannelSummary(Channel channel, long count, Instant lastContactAt) {
    }
}
