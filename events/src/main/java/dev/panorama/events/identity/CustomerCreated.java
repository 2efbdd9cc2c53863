package dev.panorama.events.identity;

import dev.panorama.events.common.SourceRef;
import java.time.Instant;
import java.util.UUID;

/** A new customer (golden record) exists, created for its first source record. */
public record CustomerCreated(
        UUID customerId,
        SourceRef firstRecord,
        Instant createdAt) {
}
