package dev.panorama.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository the checks read: chart, overlays, and the applications named by the root POM. */
final class Checkout {

    static final Path ROOT = Path.of(System.getProperty("panorama.root", "..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/panorama");
    static final Path PROD_VALUES = CHART.resolve("ci/prod-values.yaml");
    static final Path OVERLAYS = ROOT.resolve("k8s/overlays");
    static final Path DEVSTACK_REALM = ROOT.resolve("devstack/src/main/resources/dev/panorama/devstack/keycloak/panorama-realm.json");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private Checkout() {
    }

    /** Every module of the root POM that is a Quarkus application (it names itself in application.properties). */
    static List<Application> applications() {
        Matcher modules = MODULE.matcher(read(ROOT.resolve("pom.xml")));
        return modules.results().map(match -> ROOT.resolve(match.group(1)))
                .filter(module -> Files.exists(Application.propertiesOf(module)))
                .map(Application::read)
                .filter(application -> application.name() != null)
                .toList();
    }

    static Application application(String name) {
        return applications().stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no application named " + name + " among the root POM's modules"));
    }

    /** Every overlay directory under k8s/overlays. */
    static List<Path> overlays() {
        try (var entries = Files.list(OVERLAYS)) {
            return entries.filter(dir -> Files.exists(dir.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
