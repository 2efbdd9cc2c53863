package dev.panorama.identity.resolution.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The parameters of one native statement, all bound as text and cast in the statement: PostgreSQL infers each
 * parameter's type from its cast, and the reactive driver then refuses a string for anything but text. A null is
 * written as {@code null} into the statement instead of bound. Placeholders are PostgreSQL's own ({@code $1}): the
 * statements go to the driver as written.
 */
final class SqlParameters {

    private final List<String> values = new ArrayList<>();

    String text(String value) {
        return bound(value, "text");
    }

    String uuid(UUID value) {
        return bound(value == null ? null : value.toString(), "uuid");
    }

    String json(String value) {
        return bound(value, "jsonb");
    }

    String integer(Integer value) {
        return bound(value == null ? null : value.toString(), "integer");
    }

    String number(Double value) {
        return bound(value == null ? null : Double.toString(value), "double precision");
    }

    /** Microseconds, as PostgreSQL keeps them: what is read back is what was written. */
    String time(Instant value) {
        return bound(value == null ? null : value.truncatedTo(ChronoUnit.MICROS).toString(), "timestamptz");
    }

    /**
     * Many values as one array parameter: the statement's text is then the same whatever their number, so that
     * PostgreSQL plans it once per connection instead of on every call.
     */
    String textArray(Collection<String> value) {
        return bound(value.stream().map(SqlParameters::quoted).collect(Collectors.joining(",", "{", "}")), "text[]");
    }

    String uuidArray(Collection<UUID> value) {
        return bound(value.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")), "uuid[]");
    }

    /** An element of an array literal, quoted, so that commas, braces, spaces and quotes in it stay in it. */
    private static String quoted(String element) {
        return "\"" + element.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    List<String> values() {
        return values;
    }

    Object[] array() {
        return values.toArray();
    }

    private String bound(String value, String type) {
        if (value == null) {
            return "null";
        }
        values.add(value);
        String text = "cast($" + values.size() + " as text)"; // the driver then binds the value as the text it is
        return "text".equals(type) ? text : "cast(" + text + " as " + type + ")";
    }
}
