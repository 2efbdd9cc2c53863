package dev.panorama.events.identity;

import dev.panorama.events.OptionalField;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Customers were merged into a survivor; the merged ids now point to it. */
public record CustomersMerged(
        UUID mergeId,
        UUID survivorId,
        List<UUID> mergedIds,
        String reason,
        String actor,
        @OptionalField Double score,
        Instant mergedAt) {

    /** Absent lists read as empty, so consumers never meet null. */
    public CustomersMerged {
        mergedIds = mergedIds == null ? List.of() : List.copyOf(mergedIds);
    }
}
