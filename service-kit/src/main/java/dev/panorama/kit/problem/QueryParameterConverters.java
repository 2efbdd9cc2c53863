package dev.panorama.kit.problem;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts the typed query parameters the services read (numbers, UUIDs) so that a value that does not convert is a
 * 400 naming the parameter. JAX-RS itself answers such a query with 404, as if the endpoint did not exist.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    private record Conversion(Function<String, ?> parse, String expected) {
    }

    private static final Conversion WHOLE_NUMBER = new Conversion(Integer::valueOf, "must be a whole number");
    private static final Conversion LONG_NUMBER = new Conversion(Long::valueOf, "must be a whole number");
    private static final Map<Class<?>, Conversion> CONVERSIONS = Map.of(
            Integer.class, WHOLE_NUMBER, int.class, WHOLE_NUMBER,
            Long.class, LONG_NUMBER, long.class, LONG_NUMBER,
            UUID.class, new Conversion(UUID::fromString, "must be a UUID"));

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Conversion conversion = CONVERSIONS.get(rawType);
        String parameter = queryParameter(annotations);
        return conversion == null || parameter == null ? null : new Named<>(parameter, conversion);
    }

    private static String queryParameter(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            }
        }
        return null;
    }

    private record Named<T>(String parameter, Conversion conversion) implements ParamConverter<T> {

        @Override
        @SuppressWarnings("unchecked")
        public T fromString(String value) {
            if (value == null) {
                throw new IllegalArgumentException("no value for " + parameter);
            }
            try {
                return (T) conversion.parse().apply(value.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(parameter, conversion.expected());
            }
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
