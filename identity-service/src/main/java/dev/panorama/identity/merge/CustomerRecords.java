package dev.panorama.identity.merge;

import java.util.List;
import java.util.UUID;

/** A customer and the records it held at one side of a change. */
public record CustomerRecords(UUID customerId, List<RecordRef> records) {

    public CustomerRecords {
        records = List.copyOf(records);
    }
}
