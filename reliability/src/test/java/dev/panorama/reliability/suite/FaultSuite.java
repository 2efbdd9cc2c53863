package dev.panorama.reliability.suite;

import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.devstack.test.SuiteUnderTest;
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
            long start = System.nanoTime();
            LocalSuite suite = SuiteUnderTest.start("reliability", List.of());
            System.out.printf("reliability: whole suite started in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return new Running(suite);
        }

        /** Stops everything; the logs are kept in {@code target/suite-logs}. */
        @Override
        public void close() {
            faults.close();
            SuiteUnderTest.stop(suite);
        }
    }
}
