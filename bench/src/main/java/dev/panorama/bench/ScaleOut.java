package dev.panorama.bench;

import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.test.ConsumerInstances;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What the scale-out benchmarks share: two configurations compared in rounds, waiting for a consumer group to settle, and
 * CPU per item of each instance.
 */
public final class ScaleOut {

    /**
     * Partitions of the topic the instances share: devstack's broker makes 3 by default, which two instances split 2 + 1
     * (the one holding two then bounds the pair at x1.5); 12 split evenly between two instances of one consumer each or of
     * two (interaction-service's), as a deployment that plans to scale out gives its topics.
     */
    public static final int PARTITIONS = 12;

    private ScaleOut() {
    }

    /**
     * The topic with {@link #PARTITIONS} partitions, made before any instance subscribes (which would make it with 3). On
     * a broker that already has it (servers of your own), it is measured as it is: its partition count is printed.
     */
    public static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException failed) {
            if (!(failed.getCause() instanceof TopicExistsException)) {
                throw failed;
            }
            System.out.printf("%s exists already, with %d partitions: measured as it is%n", topic, partitions(bootstrap, topic));
        }
    }

    private static int partitions(String bootstrap, String topic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    /** A benchmark's load: warm-up runs not counted, and measured runs served by the given instances. */
    public interface Load {

        void warmUp(String label) throws Exception;

        /** The rates of the measured runs, after a warm-up of the configuration. */
        List<Double> measured(String label, ManagedProcess... instances) throws Exception;
    }

    /** The rates each configuration reached: two instances in the group, and one. */
    public record Rates(List<Double> two, List<Double> one, String placement) {

        /**
         * Prints the medians, each configuration's runs, the ratio 2 instances / 1 and where the instances ran, and records
         * the figure.
         *
         * @param runs what each run was, such as "2,000 source records each, Kafka to stored and resolved"
         */
        public void report(String bench, String figure, String runs, int rounds) {
            double withTwo = Median.of(two);
            double withOne = Median.of(one);
            System.out.printf("scale-out (median of %d runs of %s, %d rounds of 2 instances then 1): 2 instances %,.0f/s (runs %s)"
                    + " | 1 instance %,.0f/s (runs %s) | ratio x%.2f | %s | load average %s%n",
                    two.size(), runs, rounds, withTwo, rounded(two), withOne, rounded(one), withTwo / withOne, placement,
                    loadAverage());
            BenchResults.figure(bench, figure, withTwo, "/s", "1 instance", withOne, Figure.Better.HIGHER, "higher than 1 instance");
        }
    }

    /**
     * Two instances against one, in rounds: each round measures both instances, then one while the other is
     * {@linkplain #pause paused}, the instances taking turns. Before the rounds each instance serves the warm-up alone, then
     * both together, their CPU limits lifted: each has then served as much of the load, and neither configuration runs on a
     * colder JIT (a second instance started for the comparison and measured at once ran at half its later speed).
     */
    public static Rates compare(Admin admin, String group, String topic, ManagedProcess first, ManagedProcess second, int rounds,
            InstanceLimits limits, Load load) throws Exception {
        awaitHolders(admin, group, topic, 2);
        limits.lifted(() -> {
            alone(admin, group, topic, second, () -> load.warmUp("first instance alone, first warm-up (no CPU limit)"));
            alone(admin, group, topic, first, () -> load.warmUp("second instance alone, first warm-up (no CPU limit)"));
            load.warmUp("both instances, first warm-up (no CPU limit)");
        });
        List<Double> two = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            two.addAll(load.measured("round " + round + ", 2 instances", first, second));
            ManagedProcess serving = round % 2 == 1 ? first : second;
            String label = "round " + round + ", 1 instance";
            alone(admin, group, topic, round % 2 == 1 ? second : first, () -> one.addAll(load.measured(label, serving)));
        }
        return new Rates(two, one, limits.placement());
    }

    /** Work of a benchmark that may throw. */
    public interface Work {
        void run() throws Exception;
    }

    /** The work done while {@code resting} is paused and has left the group; afterwards both hold partitions again. */
    private static void alone(Admin admin, String group, String topic, ManagedProcess resting, Work work) throws Exception {
        pause(resting);
        try {
            awaitHolders(admin, group, topic, 1);
            work.run();
        } finally {
            resume(resting); // a paused process ignores the TERM that stops it
        }
        awaitHolders(admin, group, topic, 2);
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

    /**
     * Freezes an instance (SIGSTOP), so that the group goes on without it once its session times out, while it keeps its
     * warm JIT for when it is {@linkplain #resume resumed}: each configuration is then measured on instances equally warm.
     */
    public static void pause(ManagedProcess instance) throws Exception {
        signal(instance, "STOP");
    }

    /** Lets a paused instance run again: it finds it was left out of its group and joins again. */
    public static void resume(ManagedProcess instance) throws Exception {
        signal(instance, "CONT");
    }

    private static void signal(ManagedProcess instance, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(instance.serverPid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + instance.serverPid() + " failed");
        }
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

    /** Rates rounded to whole numbers, in the order they were measured. */
    private static String rounded(List<Double> rates) {
        return rates.stream().map(rate -> String.format("%,.0f", rate)).collect(Collectors.joining(" / "));
    }

    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unknown) {
            return "unknown";
        }
    }
}
