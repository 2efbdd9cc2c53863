package dev.panorama.journeys.suite;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every personal value the journeys of this test JVM seeded (names, emails, phones, national ids, address
 * lines), so that the log scan at the end can look for each of them in every log of the suite.
 */
public final class SeededPersonalData {

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private SeededPersonalData() {
    }

    /** Remembers the values (blank ones and ones too short to mean anything are skipped). */
    public static void add(String... values) {
        for (String value : values) {
            if (value != null && value.strip().length() >= 5) {
                VALUES.add(value.strip());
            }
        }
    }

    public static Set<String> values() {
        return Set.copyOf(VALUES);
    }
}
