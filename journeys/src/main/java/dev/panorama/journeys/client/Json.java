package dev.panorama.journeys.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;

/** JSON as the services write it (ISO-8601 instants and dates, no nulls required). */
public final class Json {

    public static final ObjectMapper MAPPER = EventJson.mapper();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return value instanceof String text ? text : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }
}
