package dev.panorama.gateway.testing;

import dev.panorama.devstack.process.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services behind the gateway, faked, for every test of this module. Their ports are fixed
 * per test JVM in system properties, so the test resource (which configures the gateway) and the
 * tests (which steer the fakes) reach the same servers whichever class loader each runs in.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final List<String> NAMES = List.of("identity-service", "interaction-service", "routing-service", "profile-service");
    private static final String PORT_PROPERTY = "panorama.test.fake-upstream.";

    private static Map<String, FakeUpstream> running;

    /** The fakes of this JVM, started on first use. */
    public static synchronized Map<String, FakeUpstream> all() {
        if (running == null) {
            Vertx vertx = Vertx.vertx();
            Map<String, FakeUpstream> fakes = new LinkedHashMap<>();
            for (String name : NAMES) {
                int port = Integer.parseInt(System.getProperties()
                        .computeIfAbsent(PORT_PROPERTY + name, key -> Integer.toString(Ports.free())).toString());
                fakes.put(name, new FakeUpstream(name, vertx, port).up());
            }
            running = fakes;
        }
        return running;
    }

    public static FakeUpstream get(String name) {
        return all().get(name);
    }

    /** Every fake back to up, ready and echoing. */
    public static void resetAll() {
        all().values().forEach(FakeUpstream::reset);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        all().forEach((name, fake) -> config.put("panorama.gateway.upstreams." + name + ".url", fake.url()));
        return config;
    }

    @Override
    public void stop() {
        // the fakes live as long as the test JVM: another application start may use them again
    }
}
