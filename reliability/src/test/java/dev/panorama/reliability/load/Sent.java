package dev.panorama.reliability.load;

import java.time.Instant;

/**
 * One channel message of the load: its source message id, whose it is, which way it entered and whether it waits for an
 * agent (then routing makes exactly one task of it).
 */
public record Sent(String messageId, String customerId, Path path, boolean needsResponse, Instant sentAt) {

    /** How a channel adapter delivered it. */
    public enum Path {
        /** Kafka topic panorama.channel.inbound */
        KAFKA,
        /** POST /api/v1/interactions through the gateway */
        REST
    }
}
