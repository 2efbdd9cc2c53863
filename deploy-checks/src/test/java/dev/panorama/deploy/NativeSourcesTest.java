package dev.panorama.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.Topics;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What can be proved of the native executables without GraalVM: Quarkus' native build of every
 * application (-Dnative -Dquarkus.native.sources-only=true) runs its own analysis and writes the
 * native-image arguments and reachability metadata; every event type must be open to reflection there.
 */
class NativeSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Application> applications() {
        return Checkout.applications();
    }

    @BeforeAll
    static void buildNativeSources() throws IOException, InterruptedException {
        String modules = applications().stream().map(a -> Checkout.ROOT.relativize(a.module()).toString()).collect(Collectors.joining(","));
        List<String> command = List.of(Checkout.ROOT.resolve("mvnw").toString(), "-B", "-q", "-pl", modules, "-am", "package",
                "-DskipTests", "-Dnative", "-Dquarkus.native.sources-only=true");
        Path log = Files.createTempFile("panorama-native-sources-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Checkout.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the JDK running these checks (21+) builds the applications too
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        boolean finished = build.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }
        assertThat(finished && build.exitValue() == 0).as(String.join(" ", command) + " failed:\n" + tail(log)).isTrue();
        Files.deleteIfExists(log);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void nativeBuildArgumentsAreGenerated(Application application) {
        Path args = application.module().resolve("target/native-sources/native-image.args");
        assertThat(args).exists();
        assertThat(Checkout.read(args)).contains("--no-fallback", "-jar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("applications")
    void everyEventTypeIsOpenToReflection(Application application) throws IOException, URISyntaxException {
        Set<String> registered = reflectionRegistered(application);
        assertThat(registered).as(application.name() + ": event types registered for reflection in the native build"
                + " (add missing ones to service-kit's dev.panorama.kit.nativeimage.EventReflection)").containsAll(eventTypes());
    }

    private static Set<String> reflectionRegistered(Application application) throws IOException {
        Set<String> names = new TreeSet<>();
        nativeConfig(application, "reflect-config.json").forEach(node -> names.add(node.path("name").asText()));
        return names;
    }

    /** One of the reachability metadata files Quarkus wrote into the native-sources runner jar. */
    private static JsonNode nativeConfig(Application application, String file) throws IOException {
        Path runner;
        try (Stream<Path> files = Files.list(application.module().resolve("target/native-sources"))) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError(application.name() + ": no native-sources runner jar"));
        }
        try (ZipFile jar = new ZipFile(runner.toFile())) {
            var entry = jar.getEntry("META-INF/native-image/" + file);
            assertThat(entry).as(runner + " " + file).isNotNull();
            return JSON.readTree(jar.getInputStream(entry));
        }
    }

    @Test
    void theApplicationsReadingPhoneNumbersCarryTheirMetadata() throws IOException {
        List<String> readingPhones = new ArrayList<>();
        for (Application application : applications()) {
            Path nativeSources = application.module().resolve("target/native-sources");
            try (Stream<Path> jars = Files.list(nativeSources.resolve("lib"))) {
                if (jars.noneMatch(jar -> jar.getFileName().toString().contains("libphonenumber"))) {
                    continue;
                }
            }
            readingPhones.add(application.name());
            List<String> included = new ArrayList<>();
            nativeConfig(application, "resource-config.json").path("resources").path("includes")
                    .forEach(include -> included.add(include.path("pattern").asText()));
            assertThat(included).as(application.name() + ": resources in the native executable (libphonenumber's metadata"
                    + " needs quarkus.native.resources.includes)")
                    .anyMatch(pattern -> "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_GB".matches(pattern));
        }
        assertThat(readingPhones).contains("identity-service", "profile-service");
    }

    /** Every record and enum of the events module, read from its compiled classes (records and enums go through Jackson). */
    private static Set<String> eventTypes() throws IOException, URISyntaxException {
        Path classes = Path.of(Topics.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                files.filter(f -> f.toString().endsWith(".class")).forEach(f -> names.add(classes.relativize(f).toString()));
            }
        } else {
            try (ZipFile jar = new ZipFile(classes.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        }
        Set<String> types = new TreeSet<>();
        for (String name : names) {
            String className = name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.');
            try {
                Class<?> type = Class.forName(className, false, NativeSourcesTest.class.getClassLoader());
                if ((type.isRecord() || type.isEnum()) && type.getName().startsWith("dev.panorama.events")) {
                    types.add(type.getName());
                }
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }
        assertThat(types).as("event types found in " + classes).isNotEmpty();
        return types;
    }

    private static String tail(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
