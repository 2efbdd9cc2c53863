package dev.panorama.events.channel;


/** An attachment's metadata; the bytes stay where the location points. */
public record Attachment(
        String name,
        String mediaType,
        long sizeBytes,
        String location) {
}
