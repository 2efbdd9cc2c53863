package dev.panorama.devstack.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a Panorama service started from its {@code quarkus-run.jar}: the same for {@code ./panorama up},
 * the journeys, the reliability suite and the benchmarks, so that the benchmarks measure what users run.
 */
public final class ServiceJvm {

    /**
     * A fixed heap: grown on demand, G1 kept interaction-service near 80 MB with 25 MB live, so that a read load's
     * garbage started a concurrent cycle every 16 s, each with a Remark pause of 36-190 ms.
     */
    public static final List<String> OPTIONS = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC");

    private ServiceJvm() {
    }

    /** The start of a service's command line: the JDK's java and {@link #OPTIONS}. */
    public static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Java.executable());
        command.addAll(OPTIONS);
        return command;
    }
}
