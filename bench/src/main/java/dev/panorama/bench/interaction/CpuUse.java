package dev.panorama.bench.interaction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and the processes it started (the devstack servers, the service), by part. The
 * difference of two snapshots shows where a run's CPU went: on a 2-core machine shared with other work, CPU time per
 * item is a steadier measure than wall-clock rates.
 */
record CpuUse(Map<String, Duration> byPart) {

    static CpuUse now() {
        Map<String, Duration> parts = new LinkedHashMap<>();
        for (String part : new String[] {"service", "mongodb", "kafka", "bench"}) {
            parts.put(part, Duration.ZERO);
        }
        ProcessHandle current = ProcessHandle.current();
        Stream.concat(Stream.of(current), current.descendants()).forEach(process -> {
            String part = process == current ? "bench" : partOf(process.info().commandLine().orElse(""));
            if (part != null) {
                parts.merge(part, process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        });
        return new CpuUse(parts);
    }

    private static String partOf(String commandLine) {
        if (commandLine.contains("devstack.process.Guardian")) {
            // the small process watching a server: its command line names the server's
            return null;
        }
        if (commandLine.contains("MongoWireMain")) {
            return "mongodb";
        }
        // the JDK may read only the start of a long command line: the broker's main class comes after its classpath
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("/kafka/log4j")) {
            return "kafka";
        }
        if (commandLine.contains("quarkus-run.jar")) {
            return "service";
        }
        return null;
    }

    CpuUse since(CpuUse before) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byPart.forEach((part, total) -> used.put(part, total.minus(before.byPart.getOrDefault(part, Duration.ZERO))));
        return new CpuUse(used);
    }

    /** Microseconds of CPU per item, by part: {@code service 120 µs | mongodb 80 µs | ...}. */
    String perItem(int items) {
        return byPart.entrySet().stream()
                .map(entry -> String.format("%s %,.0f µs", entry.getKey(), entry.getValue().toNanos() / 1e3 / items))
                .collect(Collectors.joining(" | "));
    }

    double microsPerItem(String part, int items) {
        return byPart.getOrDefault(part, Duration.ZERO).toNanos() / 1e3 / items;
    }
}
