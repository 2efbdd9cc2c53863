package dev.panorama.devstack.test;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.Set;

/**
 * Points a {@code @QuarkusTest} at real infrastructure from devstack.
 *
 * <pre>{@code
 * @QuarkusTestResource(value = DevStackResource.class, initArgs = {
 *     @ResourceArg(name = DevStackResource.PARTS, value = "postgres,kafka,keycloak"),
 *     @ResourceArg(name = DevStackResource.DATABASE, value = "identity") })
 * }</pre>
 *
 * Each part starts once per test JVM and is shared by every test class (Quarkus starts this resource
 * once per application start); it stops after the application does.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    /** Comma list of parts: postgres, kafka, mongo, keycloak. */
    public static final String PARTS = "parts";
    /** The service's PostgreSQL database and MongoDB database name. */
    public static final String DATABASE = "database";

    private Set<Part> parts = Set.of();
    private String database = "panorama";

    @Override
    public void init(Map<String, String> initArgs) {
        parts = Part.parse(initArgs.getOrDefault(PARTS, ""));
        database = initArgs.getOrDefault(DATABASE, database);
    }

    @Override
    public Map<String, String> start() {
        return DevStack.shared().quarkusConfig(parts, database);
    }

    /** Called after the application under test has stopped; the next start (another test profile) starts afresh. */
    @Override
    public void stop() {
        DevStack.stopShared();
    }
}
