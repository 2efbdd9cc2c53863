package dev.panorama.bench;

import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.DevStackSettings;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.Java;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * How long each devstack part takes to become ready, started together as the tests start them,
 * against the baseline of starting a bare JVM on the same machine in the same run.
 *
 * <p>Arguments: number of rounds (default 3). Prints medians, minima and maxima.
 */
public final class DevStackStartupBench {

    private DevStackStartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Double> bareJvm = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        Map<Part, List<Double>> perPart = new EnumMap<>(Part.class);
        for (int round = 0; round < rounds; round++) {
            bareJvm.add(bareJvmSeconds());
            long start = System.nanoTime();
            try (DevStack stack = DevStack.create(DevStackSettings.forTests()).ensure(EnumSet.allOf(Part.class))) {
                whole.add((System.nanoTime() - start) / 1e9);
                stack.startSeconds().forEach((part, seconds) -> perPart.computeIfAbsent(part, p -> new ArrayList<>()).add(seconds));
            }
        }
        double baseline = Median.of(bareJvm);
        System.out.printf("devstack start-up, %d rounds, all parts in parallel (median [min..max] seconds, ratio to a bare JVM start)%n", rounds);
        System.out.printf("  %-10s %s%n", "bare JVM", figures(bareJvm, baseline));
        perPart.forEach((part, seconds) -> System.out.printf("  %-10s %s%n", part.name().toLowerCase(), figures(seconds, baseline)));
        System.out.printf("  %-10s %s%n", "all", figures(whole, baseline));
        perPart.forEach((part, seconds) -> record(part.name().toLowerCase() + " ready", Median.of(seconds), baseline));
        record("whole stack ready", Median.of(whole), baseline);
    }

    private static void record(String name, double seconds, double bareJvm) {
        BenchResults.figure("devstack-startup", name + " (median)", seconds, "s", "bare JVM start", bareJvm, Figure.Better.LOWER, "");
    }

    private static double bareJvmSeconds() throws Exception {
        long start = System.nanoTime();
        new ProcessBuilder(Java.executable(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        return (System.nanoTime() - start) / 1e9;
    }

    private static String figures(List<Double> values, double baseline) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = Median.of(sorted);
        return String.format("%6.2f [%.2f..%.2f]  x%.1f", median, sorted.getFirst(), sorted.getLast(), median / baseline);
    }
}
