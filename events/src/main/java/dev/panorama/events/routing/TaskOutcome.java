package dev.panorama.events.routing;

/** How a task ended. */
public enum TaskOutcome {
    COMPLETED,
    CANCELLED,
    EXPIRED,
    ABANDONED,
    TRANSFERRED
}
