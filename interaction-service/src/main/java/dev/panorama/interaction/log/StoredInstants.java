package dev.panorama.interaction.log;

import java.time.Instant;

/**
 * The instants the store's dates hold: milliseconds since 1970 in 64 bits. Java reads years up to a billion; an instant
 * beyond these, stored or compared, fails as an internal error, so callers refuse it first.
 */
public final class StoredInstants {

    public static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    public static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);
    /** Why such an instant was refused, for a problem's field error. */
    public static final String RANGE = "must be between " + EARLIEST + " and " + LATEST;

    private StoredInstants() {
    }

    public static boolean holds(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
