package dev.panorama.interaction.timeline.rest;

import dev.panorama.kit.problem.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters read strictly: a bad one is a 400 naming it, never a silent default. */
final class QueryParams {

    /**
     * The instants the store's dates hold (milliseconds since 1970 in 64 bits): Java reads years up to a billion, and a
     * filter beyond these failed as an internal error.
     */
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    private QueryParams() {
    }

    static int limit(Integer limit, int defaultLimit, int maxLimit) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > maxLimit) {
            throw InvalidInputException.field("limit", "must be between 1 and " + maxLimit);
        }
        return limit;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(name, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.field(name, "an ISO-8601 UTC timestamp, e.g. 2025-01-31T09:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw InvalidInputException.field(name, "must be between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }

    static String text(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw InvalidInputException.field(name, "at most " + max + " characters");
        }
        return value.trim();
    }
}
