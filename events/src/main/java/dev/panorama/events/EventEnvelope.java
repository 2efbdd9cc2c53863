package dev.panorama.events;

import java.time.Instant;

/**
 * The CloudEvents attributes of one event.
 *
 * @param id      unique per event; consumers de-duplicate on it
 * @param type    e.g. {@code panorama.identity.CustomersMerged.v1}
 * @param source  the producing service, e.g. {@code /identity-service}
 * @param subject the customer id, where one is known
 * @param time    when the event happened
 */
public record EventEnvelope(String id, String type, String source, String subject, Instant time) {
}
