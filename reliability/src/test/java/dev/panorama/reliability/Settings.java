package dev.panorama.reliability;

import java.time.Duration;
import java.util.UUID;

/** The load and the outage of a run: bounded in CI (the pom), larger from the command line. */
final class Settings {

    private Settings() {
    }

    /** Channel messages per second ({@code -Dpanorama.reliability.rate}). */
    static int rate() {
        return Integer.parseInt(System.getProperty("panorama.reliability.rate", "20").trim());
    }

    /** How long identity-service stays down ({@code -Dpanorama.reliability.identity-outage}, e.g. 60s). */
    static Duration identityOutage() {
        String text = System.getProperty("panorama.reliability.identity-outage", "60s").trim().toUpperCase();
        return Duration.parse(text.startsWith("P") ? text : "PT" + text);
    }

    /** A run's own prefix for customers and messages, so runs never read each other's. */
    static String run(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
