package dev.panorama.events.identity;

/** How a source record was resolved. */
public enum LinkDecision {
    NEW,
    MATCHED,
    POSSIBLE,
    MANUAL
}
