package dev.panorama.events.identity;

import java.time.Instant;
import java.util.UUID;

/** A customer's personal data was erased; every service must forget it too. */
public record CustomerErased(
        UUID customerId,
        String actor,
        Instant erasedAt) {
}
