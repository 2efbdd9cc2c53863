package dev.panorama.identity.records;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventType;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/** The binary-mode CloudEvent headers a back-office system (the loans system) sends with a source record. */
final class BackOfficeEvents {

    private BackOfficeEvents() {
    }

    static Headers sourceRecordHeaders() {
        return CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.SOURCE_RECORD, "/loans", null, Instant.now()));
    }
}
