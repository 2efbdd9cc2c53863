package dev.panorama.identity.merge;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Which records a split moves to the new customer and which stay, refusing splits that make no sense. */
final class SplitPlan {

    private SplitPlan() {
    }

    static Sides of(UUID originalId, UUID newCustomerId, List<RecordRef> currentRecords, List<UUID> requestedRecordIds) {
        Set<UUID> requested = new LinkedHashSet<>(requestedRecordIds);
        if (requested.isEmpty()) {
            throw new SplitRefused("a split needs at least one record to move");
        }
        List<RecordRef> moved = new ArrayList<>();
        List<RecordRef> kept = new ArrayList<>();
        currentRecords.forEach(record -> (requested.contains(record.recordId()) ? moved : kept).add(record));
        if (moved.size() < requested.size()) {
            Set<UUID> foreign = new LinkedHashSet<>(requested);
            moved.forEach(record -> foreign.remove(record.recordId()));
            throw new SplitRefused("record " + foreign.iterator().next() + " is not a current record of customer " + originalId);
        }
        if (kept.isEmpty()) {
            throw new SplitRefused("a split must leave customer " + originalId + " at least one record");
        }
        return new Sides(List.of(new CustomerRecords(originalId, currentRecords)),
                List.of(new CustomerRecords(originalId, kept), new CustomerRecords(newCustomerId, moved)));
    }
}
