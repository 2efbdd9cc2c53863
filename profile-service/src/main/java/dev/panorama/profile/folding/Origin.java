package dev.panorama.profile.folding;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.SourceRef;

/**
 * The record of a source system a fact belongs to: back-office facts arrive keyed by {@code (sourceSystem,
 * customerNumber)}, the customer number being the source record's id there. A split moves facts by origin.
 */
public record Origin(String sourceSystem, String customerNumber) {

    public static Origin of(SourceRef ref) {
        return new Origin(ref.sourceSystem(), ref.sourceId());
    }

    /** A channel's sender record as interaction-service compares it ({@link Channel#senderRecordId}). */
    Origin asSenderRecord() {
        return customerNumber == null ? this : new Origin(sourceSystem, Channel.senderRecordId(customerNumber));
    }

    String key() {
        return Entries.key(sourceSystem, customerNumber);
    }
}
