package dev.panorama.journeys.suite;

import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.devstack.test.SuiteUnderTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole suite (devstack's infrastructure, every service and the gateway, each from its built
 * {@code quarkus-run.jar}, all on free ports), started once per test JVM on first use and stopped when the
 * last test class is done. Test classes get a {@link Panorama} parameter; each class's duration is printed
 * and appended to {@code target/journey-timings.txt}.
 */
public final class WholeSuite implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(WholeSuite.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
        context.getStore(NAMESPACE).put("start", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long start = context.getStore(NAMESPACE).get("start", Long.class);
        record(String.format("%s %.1f s", context.getRequiredTestClass().getSimpleName(), (System.nanoTime() - start) / 1e9));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Panorama.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).panorama;
    }

    private static Running running(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Running.class, type -> Running.start(), Running.class);
    }

    static void record(String line) {
        System.out.println("journeys: " + line);
        try {
            Path file = Path.of("target", "journey-timings.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite of this test JVM; closed by JUnit after the last test class. */
    static final class Running implements ExtensionContext.Store.CloseableResource {

        private final LocalSuite suite;
        private final Panorama panorama;

        private Running(LocalSuite suite) {
            this.suite = suite;
            this.panorama = new Panorama(suite);
        }

        static Running start() {
            long start = System.nanoTime();
            // Routing asks profile-service for a customer's hints with a 300 ms timeout; on a loaded test machine
            // (every service and server on a few shared cores) that drops hints the journeys assert on.
            LocalSuite suite = SuiteUnderTest.start("journeys", List.of("-Dpanorama.routing.hints.timeout=3s"));
            record(String.format("whole suite started in %.1f s (%s)", (System.nanoTime() - start) / 1e9, suite.startSeconds()));
            return new Running(suite);
        }

        /** Stops everything; the logs are kept in {@code target/suite-logs} for whoever has to find out why. */
        @Override
        public void close() {
            panorama.close();
            SuiteUnderTest.stop(suite);
        }
    }
}
