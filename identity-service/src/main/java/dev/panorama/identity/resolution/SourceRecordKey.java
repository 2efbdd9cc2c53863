package dev.panorama.identity.resolution;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The key under which identity publishes a source record on {@code panorama.source-records}: derived from
 * (sourceSystem, sourceId), so a record's versions stay in order on one partition whatever customer they
 * end up with, and erasure finds them again.
 */
public final class SourceRecordKey {

    private SourceRecordKey() {
    }

    public static UUID of(String sourceSystem, String sourceId) {
        return UUID.nameUUIDFromBytes((sourceSystem + "\u0000" + sourceId).getBytes(StandardCharsets.UTF_8));
    }
}
