package dev.panorama.kit.problem;

import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The field a constraint violation is about, written as the client wrote the request: {@code addresses[0].lines[0]},
 * {@code attributes[key]}, {@code limit}.
 */
final class FieldPath {

    private FieldPath() {
    }

    static String of(Path path) {
        List<Path.Node> nodes = StreamSupport.stream(path.spliterator(), false).toList();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (isResourceMethodPrefix(node, i + 1 < nodes.size() ? nodes.get(i + 1) : null)) {
                continue;
            }
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(position(node)).append(']');
            }
            if (hasOwnName(node)) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    /**
     * The method a resource method's violations start with, and the parameter when the field is inside its body; a
     * parameter alone (a query parameter) or with only its own elements after it is the field itself.
     */
    private static boolean isResourceMethodPrefix(Path.Node node, Path.Node next) {
        return node.getKind() == ElementKind.METHOD
                || node.getKind() == ElementKind.PARAMETER && next != null && next.getKind() != ElementKind.CONTAINER_ELEMENT;
    }

    /** A list element or map value is named by its index or key alone, a class-level constraint by its object's path. */
    private static boolean hasOwnName(Path.Node node) {
        return node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getKind() != ElementKind.BEAN;
    }

    private static String position(Path.Node node) {
        if (node.getIndex() != null) {
            return node.getIndex().toString();
        }
        return node.getKey() == null ? "" : node.getKey().toString();
    }
}
