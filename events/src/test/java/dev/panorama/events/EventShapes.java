package dev.panorama.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Walks an event record's components: the one place that knows how Java types map to JSON. */
final class EventShapes {

    private EventShapes() {
    }

    /** A flattened field: its path ({@code participants[].role}), its JSON signature and whether it may be absent. */
    record Field(String path, String signature, boolean optional) {
    }

    static List<Field> fields(Class<?> recordType) {
        List<Field> fields = new ArrayList<>();
        collect(recordType, "", fields);
        return fields;
    }

    private static void collect(Class<?> recordType, String prefix, List<Field> fields) {
        for (RecordComponent component : recordType.getRecordComponents()) {
            String path = prefix + component.getName();
            Type type = component.getGenericType();
            fields.add(new Field(path, signature(type), isOptional(component)));
            Class<?> nested = type instanceof ParameterizedType list ? (Class<?>) list.getActualTypeArguments()[0]
                    : component.getType();
            if (nested.isRecord()) {
                collect(nested, path + (type instanceof ParameterizedType ? "[]." : "."), fields);
            }
        }
    }

    static boolean isOptional(RecordComponent component) {
        return component.isAnnotationPresent(OptionalField.class) || List.class.equals(component.getType());
    }

    static String signature(Type type) {
        if (type instanceof ParameterizedType list) {
            return "array<" + signature(list.getActualTypeArguments()[0]) + ">";
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "string";
        } else if (raw == UUID.class) {
            return "string:uuid";
        } else if (raw == Instant.class) {
            return "string:date-time";
        } else if (raw == LocalDate.class) {
            return "string:date";
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return "integer";
        } else if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return "number";
        } else if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        } else if (raw.isEnum()) {
            return "enum:" + raw.getSimpleName();
        } else if (raw.isRecord()) {
            return "object:" + raw.getSimpleName();
        }
        throw new IllegalArgumentException("events may not use " + raw.getName() + ": add its JSON mapping here first");
    }
}
