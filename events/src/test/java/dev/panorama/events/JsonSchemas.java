package dev.panorama.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;

/** Derives an event's JSON Schema (draft 2020-12) from its record, so the two cannot drift apart. */
final class JsonSchemas {

    private static final ObjectMapper JSON = EventJson.mapper();

    private JsonSchemas() {
    }

    static ObjectNode schemaOf(EventType type) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://panorama.dev/schemas/" + type.ceType() + ".schema.json");
        schema.put("title", type.recordType().getSimpleName());
        schema.put("description", "Panorama event " + type.ceType() + " on topic " + type.topic()
                + ". Fields are only ever added, never renamed or removed.");
        schema.setAll(objectSchema(type.recordType()));
        return schema;
    }

    private static ObjectNode objectSchema(Class<?> recordType) {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : recordType.getRecordComponents()) {
            boolean optional = EventShapes.isOptional(component);
            properties.set(component.getName(), typeSchema(component.getGenericType(), optional));
            if (!optional) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode typeSchema(Type type, boolean nullable) {
        ObjectNode schema = JSON.createObjectNode();
        if (type instanceof ParameterizedType list) {
            schema.put("type", "array");
            schema.set("items", typeSchema(list.getActualTypeArguments()[0], false));
            return schema;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            ObjectNode object = objectSchema(raw);
            return nullable ? anyOfNull(object) : object;
        }
        String[] signature = EventShapes.signature(type).split(":");
        String jsonType = signature[0].equals("enum") ? "string" : signature[0];
        if (nullable) {
            schema.set("type", JSON.createArrayNode().add(jsonType).add("null"));
        } else {
            schema.put("type", jsonType);
        }
        if (raw.isEnum()) {
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(constant -> values.add(((Enum<?>) constant).name()));
            if (nullable) {
                values.addNull();
            }
        } else if (signature.length > 1) {
            schema.put("format", signature[1]);
        }
        return schema;
    }

    private static ObjectNode anyOfNull(ObjectNode object) {
        ObjectNode schema = JSON.createObjectNode();
        schema.putArray("anyOf").add(object).add(JSON.createObjectNode().put("type", "null"));
        return schema;
    }
}
