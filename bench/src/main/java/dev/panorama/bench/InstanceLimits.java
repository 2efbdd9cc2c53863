package dev.panorama.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU each instance of a scale-out benchmark gets, as a pod's CPU limit: one {@link CpuLimit} per instance, so that
 * what is measured is whether a second instance's CPU adds throughput while the infrastructure and the load generator
 * keep the rest of the machine. {@code -Dpanorama.bench.scale-out.cpus-per-instance} overrides the benchmark's limit;
 * 0 lets every instance use every core (on two cores one instance already uses both).
 */
public final class InstanceLimits {

    private final double cpus;
    private final Map<Integer, CpuLimit> limits = new ConcurrentHashMap<>();

    private InstanceLimits(double cpus) {
        this.cpus = cpus;
    }

    /** Each instance limited to {@code cpus} CPUs, unless the system property says otherwise. */
    public static InstanceLimits of(double cpus) {
        return new InstanceLimits(Double.parseDouble(System.getProperty("panorama.bench.scale-out.cpus-per-instance",
                Double.toString(cpus))));
    }

    /** The launcher of the n-th instance (from 1): in a CPU limit of its own, or nothing when instances are not limited. */
    public List<String> launcher(int instance) {
        return cpus > 0 ? limit(instance).launcher() : List.of();
    }

    /** How much CPU each instance had, for the printed figures. */
    public String placement() {
        return cpus > 0 ? "each instance limited to " + limit(1).describe() : "every instance on every core";
    }

    /**
     * Runs the work with every instance's limit lifted: a warm-up that compiles the instances' code at full speed (within
     * a quarter of a core the JIT was still compiling after minutes of load, and a round's two configurations were then
     * measured on different JITs).
     */
    public void lifted(ScaleOut.Work work) throws Exception {
        for (CpuLimit limit : limits.values()) {
            limit.lift();
        }
        try {
            work.run();
        } finally {
            for (CpuLimit limit : limits.values()) {
                limit.impose();
            }
        }
    }

    private CpuLimit limit(int instance) {
        return limits.computeIfAbsent(instance, number -> CpuLimit.of("panorama-scale-out-" + number, cpus));
    }
}
