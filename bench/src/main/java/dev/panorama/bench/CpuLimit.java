package dev.panorama.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CPU limit for one process, as Kubernetes gives a pod ({@code resources.limits.cpu}): a CFS quota on a cgroup (v1
 * {@code cpu} controller) of its own, which the process joins before it starts. The JVM reads the quota as its number of
 * processors, as it does in a pod. Where this machine lets no cgroup be made (not root, no v1 {@code cpu} controller),
 * there is no limit, and {@link #describe} says so.
 */
public final class CpuLimit {

    private static final Path CPU_CONTROLLER = Path.of("/sys/fs/cgroup/cpu");
    private static final int PERIOD_MICROS = 100_000;

    private final Optional<Path> group;
    private final double cpus;

    private CpuLimit(Optional<Path> group, double cpus) {
        this.group = group;
        this.cpus = cpus;
    }

    /** A group named {@code name} limited to {@code cpus} CPUs (0.5: half a core's time in every 100 ms), made now. */
    public static CpuLimit of(String name, double cpus) {
        Path group = CPU_CONTROLLER.resolve(name);
        try {
            Files.createDirectories(group);
            Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
            CpuLimit limit = new CpuLimit(Optional.of(group), cpus);
            limit.impose();
            return limit;
        } catch (IOException | UnsupportedOperationException | SecurityException refused) {
            return new CpuLimit(Optional.empty(), cpus);
        }
    }

    /** Lets the group's processes use every core until the limit is {@linkplain #impose imposed} again. */
    public void lift() throws IOException {
        quota(-1);
    }

    /** The limit again, after it was {@linkplain #lift lifted}. */
    public void impose() throws IOException {
        quota(Math.round(cpus * PERIOD_MICROS));
    }

    private void quota(long micros) throws IOException {
        if (group.isPresent()) {
            Files.writeString(group.get().resolve("cpu.cfs_quota_us"), Long.toString(micros));
        }
    }

    /** What to put before a command so that its process runs within the limit: it joins the group, then becomes the command. */
    public List<String> launcher() {
        return group.map(path -> List.of("sh", "-c", "echo $$ > " + path.resolve("cgroup.procs") + " && exec \"$@\"", "sh"))
                .orElse(List.of());
    }

    public String describe() {
        return group.isPresent() ? String.format(Locale.ROOT, "%.2f CPU", cpus) : "no CPU limit (no cgroup could be made here)";
    }
}
