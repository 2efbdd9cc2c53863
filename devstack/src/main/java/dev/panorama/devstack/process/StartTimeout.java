package dev.panorama.devstack.process;

import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How long a server may take to become ready. Each server has its own default; the system property
 * {@value #PROPERTY} (or the variable {@code PANORAMA_DEVSTACK_START_TIMEOUT}) raises them all on a loaded
 * machine, where Keycloak alone can take minutes. Values: {@code 600s}, {@code 10m} or ISO-8601 ({@code PT10M}).
 */
public final class StartTimeout {

    public static final String PROPERTY = "panorama.devstack.start-timeout";

    private StartTimeout() {
    }

    /** The configured timeout when it is longer than the server's own default, the default otherwise. */
    public static Duration atLeast(Duration fallback) {
        return atLeast(fallback, name -> name.equals(PROPERTY) ? System.getProperty(PROPERTY)
                : System.getenv("PANORAMA_DEVSTACK_START_TIMEOUT"));
    }

    static Duration atLeast(Duration fallback, UnaryOperator<String> settings) {
        String configured = settings.apply(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = settings.apply("PANORAMA_DEVSTACK_START_TIMEOUT");
        }
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        Duration wanted = parse(configured.trim());
        return wanted.compareTo(fallback) > 0 ? wanted : fallback;
    }

    static Duration parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("pt")) {
                return Duration.parse(text);
            }
            if (lower.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            }
            if (lower.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            if (lower.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(lower));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(PROPERTY + " must be like 600s, 10m or PT10M, not " + text, e);
        }
    }
}
