package dev.panorama.identity.customers;

import dev.panorama.identity.golden.GoldenRecord;
import dev.panorama.identity.golden.KnownIdentifier;
import dev.panorama.identity.resolution.Explanation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as staff see it: the golden record (each value with the rule that chose it and the sources
 * that carry it), every identifier, and every source record linked to it with why it was linked.
 */
public record CustomerView(UUID id, String status, UUID mergedInto, GoldenRecord golden, List<KnownIdentifier> identifiers,
        List<LinkedRecord> records) {

    /** A source record of the customer (its current version) and the decision that linked it. */
    public record LinkedRecord(UUID recordId, String sourceSystem, String sourceId, int version, Instant receivedAt,
            String decision, Double probability, Explanation explanation) {
    }
}
