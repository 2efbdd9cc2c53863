package dev.panorama.profile.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * BSON documents to and from Jackson trees, so records are mapped without printing and parsing JSON text in between
 * (that was most of the cost of every profile read and write). Numbers keep their BSON type; a decimal (amounts are
 * written as text by their records) would be a Decimal128.
 */
final class BsonTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private BsonTree() {
    }

    static Document document(JsonNode object) {
        Document document = new Document();
        object.properties().forEach(field -> document.put(field.getKey(), value(field.getValue())));
        return document;
    }

    static ObjectNode tree(Map<String, Object> document, Set<String> leaveOut) {
        ObjectNode object = NODES.objectNode();
        document.forEach((name, value) -> {
            if (!leaveOut.contains(name)) {
                object.set(name, node(value));
            }
        });
        return object;
    }

    private static Object value(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> document(node);
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(value(element)));
                yield list;
            }
            case STRING -> node.textValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> number(node);
            case BINARY, POJO -> node.toString();
            case NULL, MISSING -> null;
        };
    }

    private static Object number(JsonNode node) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isLong()) {
            return node.longValue();
        }
        if (node.isBigDecimal() || node.isBigInteger()) {
            return new Decimal128(node.decimalValue());
        }
        return node.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case String text -> NODES.textNode(text);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            case Decimal128 number -> NODES.numberNode(number.bigDecimalValue());
            case Boolean flag -> NODES.booleanNode(flag);
            case Date date -> NODES.textNode(date.toInstant().toString());
            case Map<?, ?> map -> tree((Map<String, Object>) map, Set.of());
            case List<?> list -> {
                ArrayNode array = NODES.arrayNode(list.size());
                list.forEach(element -> array.add(node(element)));
                yield array;
            }
            default -> NODES.textNode(value.toString());
        };
    }
}
