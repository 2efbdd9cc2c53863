package dev.panorama.identity.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A split: the customer records were taken from, the new customer that holds them, who did it, when and why. */
public record SplitView(UUID id, UUID originalId, UUID newCustomerId, List<MovedRecord> movedRecords, String actor,
        Instant splitAt, String reason) {

    static SplitView of(Change split) {
        return new SplitView(split.id(), split.before().getFirst().customerId(), split.after().getLast().customerId(),
                split.moves().stream().map(MovedRecord::of).toList(), split.actor(), split.at(), split.reason());
    }
}
