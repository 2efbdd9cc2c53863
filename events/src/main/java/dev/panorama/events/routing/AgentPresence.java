package dev.panorama.events.routing;

/** An agent's presence. */
public enum AgentPresence {
    AVAILABLE,
    BUSY,
    AWAY,
    OFFLINE,
    WRAP_UP
}
