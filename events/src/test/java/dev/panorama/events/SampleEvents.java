package dev.panorama.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Deterministic sample events, generated from a seed for any event record. */
final class SampleEvents {

    private final Random random;
    private final boolean fillOptional;

    private SampleEvents(long seed, boolean fillOptional) {
        this.random = new Random(seed);
        this.fillOptional = fillOptional;
    }

    /** Every field set, lists with one to three elements. */
    static Record full(Class<? extends Record> type, long seed) {
        return new SampleEvents(seed, true).create(type);
    }

    /** Only what is required: optional fields null, lists empty. */
    static Record minimal(Class<? extends Record> type, long seed) {
        return new SampleEvents(seed, false).create(type);
    }

    private Record create(Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean skip = !fillOptional && EventShapes.isOptional(components[i]);
            values[i] = skip ? emptyValue(types[i]) : value(components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        return List.class.equals(type) ? List.of() : null;
    }

    @SuppressWarnings("unchecked")
    private Object value(Type type) {
        if (type instanceof ParameterizedType list) {
            List<Object> values = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                values.add(value(list.getActualTypeArguments()[0]));
            }
            return values;
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "s-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        } else if (raw == UUID.class) {
            return new UUID(random.nextLong(), random.nextLong());
        } else if (raw == Instant.class) {
            return Instant.parse("2026-01-01T00:00:00Z").plus(random.nextInt(10_000_000), ChronoUnit.MILLIS);
        } else if (raw == LocalDate.class) {
            return LocalDate.of(1940 + random.nextInt(70), 1 + random.nextInt(12), 1 + random.nextInt(28));
        } else if (raw == int.class || raw == Integer.class) {
            return random.nextInt(1000);
        } else if (raw == long.class || raw == Long.class) {
            return (long) random.nextInt(1_000_000);
        } else if (raw == double.class || raw == Double.class) {
            return random.nextInt(1000) / 100.0;
        } else if (raw == BigDecimal.class) {
            return BigDecimal.valueOf(random.nextInt(1_000_000), 2);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        } else if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        } else if (raw.isRecord()) {
            return create((Class<? extends Record>) raw);
        }
        throw new IllegalArgumentException("no sample for " + raw);
    }
}
