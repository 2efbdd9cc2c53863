package dev.panorama.routing.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The sweeper's ticks (the safety net, the directory's reads) an hour apart: only the changes themselves make rounds. */
public class HourlyTicks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("panorama.routing.dispatch-interval", "1h");
    }
}
