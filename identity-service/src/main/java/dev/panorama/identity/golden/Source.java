package dev.panorama.identity.golden;

import java.time.Instant;
import java.util.Comparator;

/** A source record that supports a value: which system sent it, under which id, and when it arrived. */
public record Source(String sourceSystem, String sourceId, Instant receivedAt) {

    /** Newest first, then by system and id, so lists of sources read the same every time. */
    static final Comparator<Source> NEWEST_FIRST = Comparator.comparing(Source::receivedAt, Comparator.reverseOrder())
            .thenComparing(Source::sourceSystem).thenComparing(Source::sourceId);
}
