package dev.panorama.identity.merge;

import dev.panorama.events.common.SourceRef;
import java.util.UUID;

/**
 * A source record as a change saw it: the version current then, and the source system's record it is a
 * version of. Records move between customers by source, with all their versions.
 */
public record RecordRef(UUID recordId, String sourceSystem, String sourceId) {

    public SourceRef source() {
        return new SourceRef(sourceSystem, sourceId);
    }
}
