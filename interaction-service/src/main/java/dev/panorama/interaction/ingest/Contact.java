package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.ChannelMessage;

/** A contact to ingest, with the caller's Idempotency-Key where it sent one. */
public record Contact(ChannelMessage message, String idempotencyKey) {
}
