package dev.panorama.kit.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

/**
 * Request bodies read strictly: a field the endpoint does not take is refused (400 naming it) rather than ignored, so a
 * misspelt field never stores a record that silently lacks it. Put on a resource with
 * {@code @CustomDeserialization(StrictJson.class)}. Events and stored documents stay tolerant (events only grow).
 */
public final class StrictJson implements BiFunction<ObjectMapper, Type, ObjectReader> {

    @Override
    public ObjectReader apply(ObjectMapper mapper, Type type) {
        return reader(mapper, type);
    }

    public static ObjectReader reader(ObjectMapper mapper, Type type) {
        return mapper.readerFor(mapper.constructType(type)).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
