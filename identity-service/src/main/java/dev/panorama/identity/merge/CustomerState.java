package dev.panorama.identity.merge;

import dev.panorama.identity.resolution.persistence.CustomerEntity;
import java.util.List;
import java.util.UUID;

/** A customer as it stands now: whether it is active, where it was merged, and its current records. */
record CustomerState(UUID id, CustomerEntity.Status status, UUID mergedInto, List<RecordRef> records) {

    CustomerState {
        records = List.copyOf(records);
    }

    boolean active() {
        return status == CustomerEntity.Status.ACTIVE;
    }

    boolean holds(RecordRef record) {
        return records.stream().anyMatch(r -> Change.key(r).equals(Change.key(record)));
    }
}
