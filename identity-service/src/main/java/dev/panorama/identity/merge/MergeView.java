package dev.panorama.identity.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A merge: which customers went into which, the records that moved, who did it, when and why. */
public record MergeView(UUID id, UUID survivorId, List<UUID> mergedIds, List<MovedRecord> movedRecords, String actor,
        Instant mergedAt, String reason, Double score) {

    static MergeView of(Change merge) {
        return new MergeView(merge.id(), merge.after().getFirst().customerId(),
                merge.before().stream().skip(1).map(CustomerRecords::customerId).toList(),
                merge.moves().stream().map(MovedRecord::of).toList(), merge.actor(), merge.at(), merge.reason(),
                merge.probability());
    }
}
