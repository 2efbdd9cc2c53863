package dev.panorama.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time (user + system) one process has used so far, read from {@code /proc/<pid>/stat} (fields 14 and 15, in
 * clock ticks of 10 ms). The difference over a fixed amount of work is that process's CPU per operation: on a 2-core
 * machine shared with other work a far steadier figure than wall-clock rates.
 */
public final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    /** CPU used so far by the process, or zero when it cannot be read (no such process, no /proc). */
    public static Duration used(long pid) {
        long[] ticks = ticks(pid);
        return ticks == null ? ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO)
                : Duration.ofNanos((ticks[0] + ticks[1]) * NANOS_PER_TICK);
    }

    /** The part of {@link #used} spent in the kernel (system time: network reads and writes, wake-ups), or zero. */
    public static Duration system(long pid) {
        long[] ticks = ticks(pid);
        return ticks == null ? Duration.ZERO : Duration.ofNanos(ticks[1] * NANOS_PER_TICK);
    }

    /**
     * CPU used so far by the process's threads whose name starts with {@code prefix} (the kernel keeps 15 characters of
     * a thread's name): the request-serving threads without the JIT compiler's and the garbage collector's work, which
     * on a service not yet fully compiled can be as much again.
     */
    public static Duration threads(long pid, String prefix) {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = read(task.resolve("stat"));
                if (stat != null && stat.substring(stat.indexOf('(') + 1).startsWith(prefix)) {
                    long[] ticks = fields(stat);
                    total += ticks[0] + ticks[1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(total * NANOS_PER_TICK);
    }

    /**
     * Context switches so far of all the process's threads (voluntary and involuntary, from {@code /proc/<pid>/task/<tid>/status}),
     * or zero when they cannot be read: a thread that waits for work and is woken costs a switch each time, and the kernel's
     * and the scheduler's work for it is part of the process's CPU.
     */
    public static long contextSwitches(long pid) {
        long total = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String status = read(task.resolve("status"));
                for (String line : status == null ? new String[0] : status.split("\n")) {
                    if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                        total += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return total;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** User and system clock ticks, or null when they cannot be read. */
    private static long[] ticks(long pid) {
        try {
            return fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long[] fields(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** CPU used so far by this JVM. */
    public static Duration own() {
        return used(ProcessHandle.current().pid());
    }

    /** Microseconds of {@code cpu} per operation. */
    public static double microsPer(Duration cpu, long operations) {
        return cpu.toNanos() / 1e3 / operations;
    }
}
