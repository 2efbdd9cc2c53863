package dev.panorama.events.identity;

import dev.panorama.events.common.SourceRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records were split off a customer into a new one (a wrong merge undone). */
public record CustomerSplit(
        UUID splitId,
        UUID originalId,
        UUID newCustomerId,
        List<SourceRef> movedRecords,
        String reason,
        String actor,
        Instant splitAt) {

    /** Absent lists read as empty, so consumers never meet null. */
    public CustomerSplit {
        movedRecords = movedRecords == null ? List.of() : List.copyOf(movedRecords);
    }
}
