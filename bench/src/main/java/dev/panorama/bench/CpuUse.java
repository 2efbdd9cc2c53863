package dev.panorama.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and the processes it started, by part: the service(s) under test, PostgreSQL's
 * server and backends, the MongoDB-wire server, Kafka, and the benchmark itself. The difference of two snapshots over a
 * fixed amount of work gives CPU per item, on a 2-core machine shared with other work a far steadier figure than
 * wall-clock rates. A process that exited in between (a PostgreSQL backend of a closed connection) is not counted.
 * {@code serviceJit} is the part of the services' CPU their JIT compiler threads used: code still being compiled.
 */
public record CpuUse(Map<String, Duration> byPart, Duration serviceJit) {

    private static final String SERVICE = "service";
    private static final List<String> PARTS = List.of(SERVICE, "postgres", "mongodb", "kafka", "bench");

    public static CpuUse now() {
        Map<String, Duration> found = new LinkedHashMap<>();
        Duration serviceJit = Duration.ZERO;
        ProcessHandle current = ProcessHandle.current();
        for (ProcessHandle process : Stream.concat(Stream.of(current), current.descendants()).toList()) {
            String part = process == current ? "bench" : partOf(process.info());
            if (part != null) {
                found.merge(part, ProcessCpu.used(process.pid()), Duration::plus);
            }
            if (SERVICE.equals(part)) {
                serviceJit = serviceJit.plus(JitCompiler.cpu(process.pid()));
            }
        }
        Map<String, Duration> parts = new LinkedHashMap<>();
        PARTS.stream().filter(found::containsKey).forEach(part -> parts.put(part, found.get(part)));
        return new CpuUse(parts, serviceJit);
    }

    private static String partOf(ProcessHandle.Info info) {
        String commandLine = info.commandLine().orElse("");
        if (commandLine.contains("devstack.process.Guardian")) {
            return null; // the small process watching a server: its command line names the server's
        }
        if (commandLine.contains("MongoWireMain")) {
            return "mongodb";
        }
        // the JDK may read only the start of a long command line: the broker's main class comes after its classpath
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("/kafka/log4j")) {
            return "kafka";
        }
        if (commandLine.contains("quarkus-run.jar")) {
            return SERVICE;
        }
        if (info.command().orElse("").endsWith("/postgres") || commandLine.startsWith("postgres")) {
            return "postgres";
        }
        return null;
    }

    public CpuUse since(CpuUse before) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byPart.forEach((part, total) -> used.put(part, total.minus(before.byPart.getOrDefault(part, Duration.ZERO))));
        return new CpuUse(used, serviceJit.minus(before.serviceJit));
    }

    public double microsPerItem(String part, long items) {
        return byPart.getOrDefault(part, Duration.ZERO).toNanos() / 1e3 / items;
    }

    /** The services' JIT compiler's share of their CPU: above a few percent, their code is still being compiled. */
    public double serviceJitShare() {
        Duration service = byPart.getOrDefault(SERVICE, Duration.ZERO);
        return service.isZero() ? 0 : (double) serviceJit.toNanos() / service.toNanos();
    }

    /** Microseconds of CPU per item, by part: {@code service 120 µs (JIT 5 µs) | postgres 80 µs | ...}. */
    public String perItem(long items) {
        return byPart.keySet().stream().map(part -> String.format("%s %,.0f µs%s", part, microsPerItem(part, items),
                        SERVICE.equals(part) ? String.format(" (JIT %,.0f µs)", serviceJit.toNanos() / 1e3 / items) : ""))
                .collect(Collectors.joining(" | "));
    }

    /** Share of one core used over a window, by part: {@code service 12 % | postgres 30 % | ...}. */
    public String shareOfCore(Duration window) {
        return byPart.keySet().stream()
                .map(part -> String.format("%s %.0f %%", part, 100.0 * byPart.get(part).toNanos() / window.toNanos()))
                .collect(Collectors.joining(" | "));
    }
}
