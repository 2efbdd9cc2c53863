package dev.panorama.events.common;


/** A record in a source system: which system, and its id there. */
public record SourceRef(
        String sourceSystem,
        String sourceId) {
}
