package dev.panorama.bench.routing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used so far by the processes this benchmark started (the routing service, PostgreSQL's server and
 * backends, Kafka) and by the benchmark itself. The difference of two snapshots over a fixed amount of work gives
 * CPU per assignment, a steadier measure than wall-clock rates on a machine shared with other work. A PostgreSQL
 * backend that exited during the run is not counted (the service's pool keeps its connections).
 */
record CpuUse(Map<String, Duration> byPart) {

    static CpuUse now() {
        Map<String, Duration> parts = new LinkedHashMap<>();
        for (String part : new String[] {"service", "postgres", "kafka", "bench"}) {
            parts.put(part, Duration.ZERO);
        }
        ProcessHandle current = ProcessHandle.current();
        Stream.concat(Stream.of(current), current.descendants()).forEach(process -> {
            String part = process == current ? "bench" : partOf(process.info());
            if (part != null) {
                parts.merge(part, process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
            }
        });
        return new CpuUse(parts);
    }

    private static String partOf(ProcessHandle.Info info) {
        String commandLine = info.commandLine().orElse("");
        if (commandLine.contains("devstack.process.Guardian")) {
            return null; // the small process watching a server: its command line names the server's
        }
        if (commandLine.contains("quarkus-run.jar")) {
            return "service";
        }
        // the JDK may read only the start of a long command line: the broker's main class comes after its classpath
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("/kafka/log4j")) {
            return "kafka";
        }
        if (info.command().orElse("").endsWith("/postgres") || commandLine.startsWith("postgres")) {
            return "postgres";
        }
        return null;
    }

    CpuUse since(CpuUse before) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byPart.forEach((part, total) -> used.put(part, total.minus(before.byPart.getOrDefault(part, Duration.ZERO))));
        return new CpuUse(used);
    }

    double microsPerItem(String part, long items) {
        return byPart.getOrDefault(part, Duration.ZERO).toNanos() / 1e3 / items;
    }

    /** Microseconds of CPU per item, by part: {@code service 120 µs | postgres 80 µs | ...}. */
    String perItem(long items) {
        return byPart.keySet().stream().map(part -> String.format("%s %,.0f µs", part, microsPerItem(part, items)))
                .collect(Collectors.joining(" | "));
    }
}
