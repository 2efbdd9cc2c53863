package dev.panorama.devstack;

import dev.panorama.devstack.process.Directories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where devstack keeps things and how it runs the servers.
 *
 * @param dataDir    the servers' data and logs
 * @param cacheDir   unpacked server distributions, kept between runs
 * @param fixedPorts the well-known local ports (a local run) rather than free ones (tests)
 * @param durable    keep data safe across crashes (fsync) and across restarts
 */
public record DevStackSettings(Path dataDir, Path cacheDir, boolean fixedPorts, boolean durable) {

    /** Fixed local ports used by {@code ./panorama up}; the services' application.properties use the same. */
    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int MONGO_PORT = 27017;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;

    private static final String TEST_DIR_PREFIX = "panorama-devstack-";
    private static final Properties BUILD = loadBuildProperties();

    /**
     * Throw-away data in a fresh temporary directory, free ports, no fsync. Directories left by test
     * JVMs that were killed before they could clean up are removed first.
     */
    public static DevStackSettings forTests() {
        try {
            removeDirectoriesOfDeadRuns();
            Path dataDir = Files.createTempDirectory(TEST_DIR_PREFIX + ProcessHandle.current().pid() + "-");
            return new DevStackSettings(dataDir, defaultCacheDir(), false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeDirectoriesOfDeadRuns() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(dir -> dir.getFileName().toString().startsWith(TEST_DIR_PREFIX))
                    .filter(dir -> ownerPid(dir).flatMap(ProcessHandle::of).isEmpty())
                    .forEach(Directories::deleteRecursively);
        }
    }

    private static Optional<Long> ownerPid(Path dir) {
        String[] parts = dir.getFileName().toString().substring(TEST_DIR_PREFIX.length()).split("-");
        try {
            return Optional.of(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Durable data under the given directory, on the fixed local ports. */
    public static DevStackSettings forLocalRun(Path dataDir) {
        return new DevStackSettings(dataDir, defaultCacheDir(), true, true);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path keycloakDistribution() {
        return Path.of(BUILD.getProperty("keycloak.home"));
    }

    public String postgresVersion() {
        return BUILD.getProperty("postgres.version");
    }

    private static Path defaultCacheDir() {
        String configured = System.getProperty("panorama.cache.dir", System.getenv("PANORAMA_CACHE_DIR"));
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "panorama");
    }

    private static Properties loadBuildProperties() {
        Properties properties = new Properties();
        try (InputStream in = DevStackSettings.class.getResourceAsStream("devstack.properties")) {
            properties.load(in);
            return properties;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("devstack.properties missing from the devstack jar", e);
        }
    }
}
