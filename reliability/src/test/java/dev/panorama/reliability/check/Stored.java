package dev.panorama.reliability.check;

/** A contact of the load as a timeline shows it: in whose timeline, with which resolution. */
public record Stored(String messageId, String interactionId, String timelineOf, String resolution, boolean needsResponse) {
}
