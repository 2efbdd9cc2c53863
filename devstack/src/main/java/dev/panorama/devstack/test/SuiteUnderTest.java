package dev.panorama.devstack.test;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.devstack.suite.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The whole suite from the services' built jars, on free ports over the shared test stack, for the test JVMs
 * that drive all of it at once (journeys, reliability). The suite root is {@code -Dpanorama.suite.root} (default
 * {@code ..}: the test runs in a module beside the services).
 */
public final class SuiteUnderTest {

    private static final Path KEPT_LOGS = Path.of("target", "suite-logs");

    private SuiteUnderTest() {
    }

    /**
     * Starts every service and the gateway, each with {@code extraOptions}; when one does not start, stops what did
     * (and the shared stack) before throwing.
     *
     * @param testModule the module whose tests need it, named in the message when a service has not been built
     */
    public static LocalSuite start(String testModule, List<String> extraOptions) {
        Path root = Path.of(System.getProperty("panorama.suite.root", "..")).toAbsolutePath().normalize();
        for (ServiceSpec service : ServiceSpec.SUITE) {
            Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: ./mvnw -pl " + testModule + " -am install -DskipTests builds it");
            }
        }
        LocalSuite suite = LocalSuite.onFreePorts(root, DevStack.shared(), extraOptions);
        try {
            return suite.start();
        } catch (RuntimeException e) {
            suite.close();
            DevStack.stopShared();
            throw e;
        }
    }

    /** Stops the suite and the shared stack; every application's log is kept in {@code target/suite-logs}. */
    public static void stop(LocalSuite suite) {
        suite.close();
        try (var logs = Files.list(suite.logDir())) {
            Files.createDirectories(KEPT_LOGS);
            for (Path log : logs.toList()) {
                Files.copy(log, KEPT_LOGS.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("panorama: could not keep the suite's logs: " + e);
        }
        DevStack.stopShared();
    }
}
