package dev.panorama.devstack.process;

import java.nio.file.Path;

/** The JDK that runs devstack, reused for every JVM it starts. */
public final class Java {

    private Java() {
    }

    public static String executable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public static String home() {
        return System.getProperty("java.home");
    }
}
