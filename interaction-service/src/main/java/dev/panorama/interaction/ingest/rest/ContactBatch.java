package dev.panorama.interaction.ingest.rest;

import dev.panorama.events.channel.ChannelMessage;
import java.util.List;

/** Several contacts in one request; each needs its own source message id. */
public record ContactBatch(List<ChannelMessage> items) {
}
