package dev.panorama.events.channel;

/** Whether the customer contacted us or we contacted them. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
