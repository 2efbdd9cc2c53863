package dev.panorama.bench;

import java.util.List;

/** What a benchmark run through {@code exec:exec} is given as system properties (the plugin passes no program arguments). */
public final class BenchArguments {

    private BenchArguments() {
    }

    /** The program arguments, or else those of {@code -Dbench.arguments} (property {@code panorama.bench.arguments}). */
    public static String[] of(String[] given, String separators) {
        String fromMaven = System.getProperty("panorama.bench.arguments", "").strip();
        return given.length == 0 && !fromMaven.isEmpty() ? fromMaven.split(separators) : given;
    }

    /**
     * Extra JVM arguments for the service a benchmark starts (a flight recording, a log level), from
     * {@code -Dbench.service-jvm-args="..."} (property {@code panorama.bench.service-jvm-args}), split at spaces.
     */
    public static List<String> serviceJvm() {
        return jvmArguments("panorama.bench.service-jvm-args");
    }

    /** JVM arguments given in a system property, split at spaces; none when it is not set. */
    public static List<String> jvmArguments(String property) {
        String extra = System.getProperty(property, "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }
}
