package dev.panorama.identity.merge;

import java.util.UUID;

/** A source record (all its versions) that changed customer, named by its version current at the time. */
public record MovedRecord(UUID recordId, String sourceSystem, String sourceId, UUID fromCustomerId, UUID toCustomerId) {

    static MovedRecord of(Change.Move move) {
        return new MovedRecord(move.record().recordId(), move.record().sourceSystem(), move.record().sourceId(),
                move.fromCustomerId(), move.toCustomerId());
    }
}
