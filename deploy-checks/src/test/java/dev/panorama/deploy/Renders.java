package dev.panorama.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders the chart (Helm bundled by helm-java) and the overlays (kubectl kustomize), once per test JVM. */
final class Renders {

    static final String RELEASE = "panorama";
    static final String NAMESPACE = "panorama";
    static final String KUBECTL = System.getProperty("panorama.kubectl", "kubectl");
    /** The Kubernetes version the chart is rendered for (its kubeVersion asks for 1.25 or newer). */
    static final String KUBE_VERSION = "1.32.0";

    private static final Map<String, Manifests> CACHE = new ConcurrentHashMap<>();
    private static final ObjectMapper YAML = new YAMLMapper();

    private Renders() {
    }

    static Manifests helmDefaults() {
        return CACHE.computeIfAbsent("helm default values", source -> helm(source, List.of(), Map.of()));
    }

    static Manifests helmProduction() {
        return CACHE.computeIfAbsent("helm " + Checkout.CHART.relativize(Checkout.PROD_VALUES),
                source -> helm(source, List.of(Checkout.PROD_VALUES), Map.of()));
    }

    static Manifests kustomize(Path overlay) {
        return CACHE.computeIfAbsent("kustomize " + Checkout.ROOT.relativize(overlay), source -> new Manifests(source,
                StrictKubernetes.parse(source, kubectl("kustomize", overlay.toString()))));
    }

    static Manifests kustomizeProduction() {
        return kustomize(Checkout.OVERLAYS.resolve("prod"));
    }

    static Manifests helm(String source, List<Path> valuesFiles, Map<String, Object> values) {
        TemplateCommand template = new Helm(Checkout.CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        valuesFiles.forEach(template::withValuesFile);
        values.forEach(template::set);
        return new Manifests(source, StrictKubernetes.parse(source, template.call()));
    }

    /**
     * helm lint with the given values files on top of the chart's defaults. helm-java's lint takes no
     * values file, so the chart is copied with its values.yaml replaced by the merged values.
     */
    static LintResult lint(List<Path> valuesFiles) {
        if (valuesFiles.isEmpty()) {
            return new Helm(Checkout.CHART).lint().strict().call();
        }
        try {
            Path copy = Files.createTempDirectory("panorama-chart-").resolve("panorama");
            copyTree(Checkout.CHART, copy);
            Map<String, Object> merged = readYaml(Checkout.CHART.resolve("values.yaml"));
            for (Path valuesFile : valuesFiles) {
                merged = merge(merged, readYaml(valuesFile));
            }
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Helm's rule: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> merged.merge(key, value, (old, replacement) ->
                old instanceof Map<?, ?> oldMap && replacement instanceof Map<?, ?> newMap
                        ? merge((Map<String, Object>) oldMap, (Map<String, Object>) newMap)
                        : replacement));
        return merged;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readYaml(Path file) throws IOException {
        return YAML.readValue(file.toFile(), Map.class);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target); // follows the realm's symbolic link
                }
            }
        }
    }

    /** Runs kubectl; a missing kubectl is a failure with a plain message, never a skipped check. */
    static String kubectl(String... arguments) {
        List<String> command = Stream.concat(Stream.of(KUBECTL), Stream.of(arguments)).toList();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("kubectl is needed to render the kustomize overlays and was not found ("
                    + KUBECTL + ": " + e.getMessage() + "). Install kubectl 1.27+ (it bundles kustomize) on the PATH,"
                    + " or point -Dpanorama.kubectl at it.", e);
        }
        try {
            process.getOutputStream().close();
            var stderr = process.getErrorStream();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + errors);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroy();
        }
    }

    /** One render: where it came from and its parsed objects. */
    record Manifests(String source, List<HasMetadata> objects) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<HasMetadata> ofKind(String kind) {
            return objects.stream().filter(object -> object.getKind().equals(kind)).toList();
        }

        @Override
        public String toString() {
            return source;
        }
    }
}
