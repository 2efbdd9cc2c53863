package dev.panorama.reliability.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The figures of a fault run, printed and appended to {@code target/reliability-figures.txt}, with the load average. */
public final class Figures {

    private Figures() {
    }

    public static void report(String run, String text) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String block = String.format("== %s (load average 1 min: %.1f)%n%s%n", run, load, text.strip());
        System.out.print(block);
        try {
            Path file = Path.of("target", "reliability-figures.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, block, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
