package dev.panorama.identity.merge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a merge does to the records: every record of the merged customers joins the survivor's. */
final class MergePlan {

    private MergePlan() {
    }

    static Sides of(UUID survivorId, List<UUID> mergedIds, Map<UUID, List<RecordRef>> currentRecords) {
        List<CustomerRecords> before = new ArrayList<>();
        List<RecordRef> all = new ArrayList<>(currentRecords.getOrDefault(survivorId, List.of()));
        before.add(new CustomerRecords(survivorId, all));
        for (UUID merged : mergedIds) {
            List<RecordRef> records = currentRecords.getOrDefault(merged, List.of());
            before.add(new CustomerRecords(merged, records));
            all.addAll(records);
        }
        return new Sides(before, List.of(new CustomerRecords(survivorId, all)));
    }
}
