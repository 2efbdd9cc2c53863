package dev.panorama.interaction.timeline.rest;

import dev.panorama.interaction.log.StoredInstants;
import dev.panorama.kit.problem.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query parameters read strictly: a bad one is a 400 naming it, never a silent default. */
final class QueryParams {

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
        if (!StoredInstants.holds(instant)) {
            throw InvalidInputException.field(name, StoredInstants.RANGE);
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
