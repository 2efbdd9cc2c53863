package dev.panorama.reliability.suite;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.devstack.suite.ServiceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole suite of this test JVM (devstack's infrastructure, every service and the gateway from their built
 * {@code quarkus-run.jar}, on free ports), started on first use and stopped after the last test class. Its own, never
 * the journeys' one: these tests kill its parts. Test methods get a {@link Faults} parameter.
 */
public final class FaultSuite implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(FaultSuite.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Faults.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class).faults;
    }

    /** The suite of this test JVM; closed by JUnit after the last test class, whatever was killed meanwhile. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final LocalSuite suite;
        private final Faults faults;

        private Running(LocalSuite suite) {
            this.suite = suite;
            this.faults = new Faults(suite);
        }

        static Running start() {
            Path root = Path.of(System.getProperty("panorama.suite.root", "..")).toAbsolutePath().normalize();
            for (ServiceSpec service : ServiceSpec.SUITE) {
                Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException(jar + " is missing: ./mvnw -pl reliability -am install -DskipTests builds it");
                }
            }
            long start = System.nanoTime();
            LocalSuite suite = LocalSuite.onFreePorts(root, DevStack.shared(), List.of());
            try {
                suite.start();
            } catch (RuntimeException e) {
                suite.close();
                DevStack.stopShared();
                throw e;
            }
            System.out.printf("reliability: whole suite started in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return new Running(suite);
        }

        /** Stops everything; the logs are kept in {@code target/suite-logs}. */
        @Override
        public void close() {
            faults.close();
            suite.close();
            try (var logs = Files.list(suite.logDir())) {
                Path target = Path.of("target", "suite-logs");
                Files.createDirectories(target);
                for (Path log : logs.toList()) {
                    Files.copy(log, target.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                System.err.println("reliability: could not keep the suite's logs: " + e);
            }
            DevStack.stopShared();
        }
    }
}
