package dev.panorama.identity.golden;

import dev.panorama.events.source.SourceRecord;
import java.time.Instant;

/** A customer's current source record as its system sent it, and when identity-service received it. */
public record ReceivedRecord(SourceRecord record, Instant receivedAt) {

    Source source() {
        return new Source(record.sourceSystem(), record.sourceId(), receivedAt);
    }
}
