package dev.panorama.events.identity;

import dev.panorama.events.OptionalField;
import dev.panorama.events.common.SourceRef;
import java.time.Instant;
import java.util.UUID;

/** A source record was linked to a customer, and why. */
public record RecordLinked(
        UUID customerId,
        SourceRef record,
        LinkDecision decision,
        @OptionalField Double score,
        Instant linkedAt) {
}
