package dev.panorama.routing.statistics;

import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A checked historical question: from (inclusive) to (exclusive), bucketed by an interval. */
public record StatisticsRange(Instant from, Instant to, Interval interval) {

    /**
     * Years 1 to 9999: PostgreSQL's timestamps end in the year 294276 and Java's instants in a billion, so an instant
     * beyond failed the query, or adding the interval's longest range to it, as an internal error.
     */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Reads the query parameters; anything missing, unreadable, reversed or too long is a 400 naming the field. */
    public static StatisticsRange of(String from, String to, String interval) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant start = instant("from", from, errors);
        Instant end = instant("to", to, errors);
        Interval width = interval(interval, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        } else if (start != null && end != null && width != null && start.plus(width.longestRange()).isBefore(end)) {
            errors.add(new Problem.FieldError("to", "at most " + width.longestRange().toDays() + " days after from at interval " + width));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StatisticsRange(start, end, width);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "required, an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException unreadable) {
            errors.add(new Problem.FieldError(field, "not an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            errors.add(new Problem.FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
            return null;
        }
        return instant;
    }

    private static Interval interval(String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return Interval.HOUR;
        }
        try {
            return Interval.valueOf(value.trim().toUpperCase());
        } catch (IllegalArgumentException unknown) {
            errors.add(new Problem.FieldError("interval", "HOUR or DAY"));
            return null;
        }
    }
}
