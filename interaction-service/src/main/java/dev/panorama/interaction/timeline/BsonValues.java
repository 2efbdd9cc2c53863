package dev.panorama.interaction.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.bson.BsonReader;
import org.bson.BsonType;

/**
 * Reads the values of a stored interaction straight off a {@link BsonReader}, the way {@code InteractionDocuments}
 * reads them off a Document: a null or absent list reads as empty, a null value as null.
 */
final class BsonValues {

    private BsonValues() {
    }

    static boolean isNull(BsonReader reader) {
        if (reader.getCurrentBsonType() == BsonType.NULL) {
            reader.readNull();
            return true;
        }
        return false;
    }

    static String string(BsonReader reader) {
        return isNull(reader) ? null : reader.readString();
    }

    static UUID uuid(BsonReader reader) {
        String value = string(reader);
        return value == null ? null : UUID.fromString(value);
    }

    static Instant instant(BsonReader reader) {
        return isNull(reader) ? null : Instant.ofEpochMilli(reader.readDateTime());
    }

    static <E extends Enum<E>> E enumValue(BsonReader reader, Class<E> type) {
        String value = string(reader);
        return value == null ? null : Enum.valueOf(type, value);
    }

    static boolean isTrue(BsonReader reader) {
        return !isNull(reader) && reader.readBoolean();
    }

    /** An int32, int64 or double as a long; null when absent. */
    static Long number(BsonReader reader) {
        return switch (reader.getCurrentBsonType()) {
            case NULL -> {
                reader.readNull();
                yield null;
            }
            case INT32 -> (long) reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> (long) reader.readDouble();
            default -> throw new IllegalStateException("not a number: " + reader.getCurrentBsonType());
        };
    }

    static Integer integer(BsonReader reader) {
        Long value = number(reader);
        return value == null ? null : Math.toIntExact(value);
    }

    static List<String> strings(BsonReader reader) {
        return list(reader, BsonValues::string);
    }

    /** An array whose elements {@code element} reads; immutable, empty when null. */
    static <T> List<T> list(BsonReader reader, Function<BsonReader, T> element) {
        if (isNull(reader)) {
            return List.of();
        }
        List<T> values = new ArrayList<>();
        reader.readStartArray();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            values.add(element.apply(reader));
        }
        reader.readEndArray();
        return List.copyOf(values);
    }
}
