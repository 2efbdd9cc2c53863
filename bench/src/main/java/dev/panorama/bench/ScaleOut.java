package dev.panorama.bench;

import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.test.ConsumerInstances;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** What the scale-out benchmarks share: waiting for a consumer group to settle, and CPU per item of each instance. */
public final class ScaleOut {

    private ScaleOut() {
    }

    public static Admin admin(String bootstrap) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(config);
    }

    /** Until exactly this many instances hold partitions of the topic in the group (after one joined or left it). */
    public static void awaitHolders(Admin admin, String group, String topic, int instances) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            long holders = admin.describeConsumerGroups(Set.of(group)).all().get().get(group).members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                    .map(ConsumerInstances::of)
                    .distinct()
                    .count();
            if (holders == instances) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not " + instances + " instance(s) of " + group + " holding partitions of " + topic
                + " after 2 minutes");
    }

    /** CPU time used so far by each instance, by its pid. */
    public static Map<String, Duration> cpu(ManagedProcess... instances) {
        Map<String, Duration> used = new LinkedHashMap<>();
        for (ManagedProcess instance : instances) {
            used.put("instance " + instance.serverPid(), ProcessCpu.used(instance.serverPid()));
        }
        return used;
    }

    /** CPU per item of every process over a configuration's runs, and of each instance on its own. */
    public static void printCpu(String label, String item, CpuUse before, Map<String, Duration> instancesBefore,
            Map<String, Duration> instancesAfter, int items) {
        String perInstance = instancesAfter.entrySet().stream()
                .map(entry -> String.format("%s %,.0f µs", entry.getKey(),
                        entry.getValue().minus(instancesBefore.get(entry.getKey())).toNanos() / 1e3 / items))
                .collect(Collectors.joining(" | "));
        System.out.printf("%s, CPU per %s over %,d: [%s]; by instance [%s] (load average %s)%n", label, item, items,
                CpuUse.now().since(before).perItem(items), perInstance, loadAverage());
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }
}
