package dev.panorama.devstack.process;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * JVM options a server devstack runs as a JVM of its own takes from a system property or, failing that, an environment
 * variable, space separated: its garbage collector, its JIT, its GC log. Only {@code -XX:} and {@code -Xlog} options,
 * so that nothing set this way changes what the server runs.
 *
 * @param property the system property, first
 * @param variable the environment variable, second
 * @param defaults the options when neither is set
 */
public record ServerJvmOptions(String property, String variable, String defaults) {

    /** The options as the settings (a look-up of system properties by name, else of environment variables) give them. */
    public List<String> from(UnaryOperator<String> settings) {
        String configured = settings.apply(property);
        if (configured == null || configured.isBlank()) {
            configured = settings.apply(variable);
        }
        if (configured == null || configured.isBlank()) {
            configured = defaults;
        }
        List<String> options = List.of(configured.strip().split("\\s+"));
        if (options.stream().anyMatch(option -> !option.startsWith("-XX:") && !option.startsWith("-Xlog"))) {
            throw new IllegalArgumentException(property + " (or " + variable + ") takes -XX: and -Xlog options only, not "
                    + configured);
        }
        return options;
    }

    /** A system property for names starting {@code panorama.}, else an environment variable. */
    public static String setting(String name) {
        return name.startsWith("panorama.") ? System.getProperty(name) : System.getenv(name);
    }
}
