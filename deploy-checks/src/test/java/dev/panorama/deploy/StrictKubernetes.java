package dev.panorama.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses rendered manifests as Kubernetes would: every object must be a known kind whose every field
 * the fabric8 model knows (a misspelt or misplaced field fails, instead of being silently dropped).
 * Custom resources of the operators Panorama relies on are accepted as generic objects and checked by
 * the policies.
 */
final class StrictKubernetes {

    /** Custom resources of the operators Panorama works with (Strimzi, KEDA, Keycloak). */
    static final Set<String> CUSTOM_KINDS = Set.of(
            "kafka.strimzi.io/v1beta2/KafkaTopic", "keda.sh/v1alpha1/ScaledObject", "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new YAMLMapper();

    private StrictKubernetes() {
    }

    static List<HasMetadata> parse(String source, String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).readValues(new YAMLFactory().createParser(yaml))) {
            while (documents.hasNext()) {
                JsonNode document = (JsonNode) documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                objects.add(parseOne(source, document));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": not YAML", e);
        }
        if (objects.isEmpty()) {
            throw new AssertionError(source + " rendered nothing");
        }
        return objects;
    }

    private static HasMetadata parseOne(String source, JsonNode document) {
        String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String where = source + ": " + kind + " " + document.path("metadata").path("name").asText();
        HasMetadata object;
        try {
            object = SERIALIZATION.unmarshal(document.toString());
        } catch (RuntimeException e) {
            throw new AssertionError(where + " is not a valid Kubernetes object: " + e.getMessage(), e);
        }
        if (object instanceof GenericKubernetesResource) {
            if (!CUSTOM_KINDS.contains(kind)) {
                throw new AssertionError(where + ": unknown kind (not in the Kubernetes model, not a known custom resource)");
            }
            if (object.getMetadata() == null || object.getMetadata().getName() == null) {
                throw new AssertionError(where + ": no metadata.name");
            }
            return object;
        }
        rejectUnknownFields(where, "", object);
        return object;
    }

    /** Fields the model does not know land in additionalProperties: there must be none, at any depth. */
    private static void rejectUnknownFields(String where, String path, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                rejectUnknownFields(where, path + "[" + index++ + "]", item);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> rejectUnknownFields(where, path + "." + key, item));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !(getter.getName().startsWith("get")) || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError(where + ": unknown field(s) " + unknown.keySet() + " at " + (path.isEmpty() ? "top level" : path));
                }
            } else {
                rejectUnknownFields(where, path + "." + decapitalize(getter.getName().substring(3)), field);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
