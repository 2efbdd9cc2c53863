package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** helm lint and helm template of the chart, with its defaults and with the production values. */
class HelmChartTest {

    @Test
    void lintsCleanWithItsDefaults() {
        assertLintClean(Renders.lint(List.of()));
    }

    @Test
    void lintsCleanWithTheProductionValues() {
        assertLintClean(Renders.lint(List.of(Checkout.PROD_VALUES)));
    }

    @Test
    void rendersEveryApplicationWithItsDefaultsAndWithTheProductionValues() {
        for (Renders.Manifests render : List.of(Renders.helmDefaults(), Renders.helmProduction())) {
            List<String> deployed = render.ofKind("Deployment").stream()
                    .map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name")).sorted().toList();
            assertThat(deployed).as(render.source())
                    .containsExactlyInAnyOrderElementsOf(Checkout.applications().stream().map(Application::name).toList());
        }
    }

    @Test
    void schemaRefusesAnUnknownValue() {
        assertThatThrownBy(() -> Renders.helm("helm with a misspelt value", List.of(), Map.of("ingress.enabeld", true)))
                .hasMessageContaining("enabeld");
        assertThatThrownBy(() -> Renders.helm("helm with a latest tag", List.of(), Map.of("image.tag", "latest")))
                .hasMessageContaining("tag");
    }

    @Test
    void schemaIsClosedAtEveryLevel() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Checkout.CHART.resolve("values.schema.json").toFile());
        List<String> open = new ArrayList<>();
        collectOpenObjects(schema, "", open);
        assertThat(open).as("objects of values.schema.json that accept any key").isEmpty();
    }

    @Test
    void everyValueIsDocumented() throws IOException {
        List<String> lines = java.nio.file.Files.readAllLines(Checkout.CHART.resolve("values.yaml"));
        List<String> undocumented = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean isKey = line.matches("^\\s*[A-Za-z0-9_.-]+:.*") && !line.trim().startsWith("#");
            boolean isComponentName = line.matches("^  [a-z-]+:\\s*$") && i > 0 && isUnder(lines, i, "components:");
            boolean isResourcePair = line.matches("^\\s+(requests|limits):.*");
            if (isKey && !isComponentName && !isResourcePair && !lines.get(i - 1).trim().startsWith("# --")) {
                undocumented.add((i + 1) + ": " + line.trim());
            }
        }
        assertThat(undocumented).as("values.yaml keys without a '# --' line above").isEmpty();
    }

    private static boolean isUnder(List<String> lines, int index, String parent) {
        for (int i = index - 1; i >= 0; i--) {
            if (!lines.get(i).startsWith(" ") && !lines.get(i).startsWith("#") && !lines.get(i).isBlank()) {
                return lines.get(i).startsWith(parent);
            }
        }
        return false;
    }

    private static void collectOpenObjects(JsonNode schema, String path, List<String> open) {
        if ("object".equals(schema.path("type").asText())) {
            JsonNode additional = schema.get("additionalProperties");
            boolean closed = additional != null && (additional.isObject() || additional.isBoolean() && !additional.asBoolean());
            boolean freeForm = path.equals("/global");
            if (!closed && !freeForm) {
                open.add(path.isEmpty() ? "/" : path);
            }
        }
        schema.path("properties").fields().forEachRemaining(field -> collectOpenObjects(field.getValue(), path + "/" + field.getKey(), open));
        if (schema.path("additionalProperties").isObject()) {
            collectOpenObjects(schema.get("additionalProperties"), path + "/*", open);
        }
        if (schema.path("items").isObject()) {
            collectOpenObjects(schema.get("items"), path + "[]", open);
        }
    }

    private static void assertLintClean(LintResult result) {
        assertThat(result.isFailed()).as("helm lint: " + String.join("\n", result.getMessages())).isFalse();
        assertThat(result.getMessages()).as("helm lint --strict messages")
                .noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    static Path chart() {
        return Checkout.CHART;
    }
}
