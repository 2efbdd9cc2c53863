package dev.panorama.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a benchmark leaves its figures for the report: one JSON object per line in the file named by the
 * system property {@value #FILE_PROPERTY} (set by {@link BenchReport}). A benchmark run on its own
 * still prints its figures; without the property nothing is written.
 */
public final class BenchResults {

    public static final String FILE_PROPERTY = "panorama.bench.results";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchResults() {
    }

    /** A figure compared with a baseline of the same run. */
    public static void figure(String bench, String name, double value, String unit, String baseline, double baselineValue,
            Figure.Better better, String target) {
        write(JSON.valueToTree(new Figure(bench, name, value, unit, baseline, baselineValue, better, target)), "figure");
    }

    /** A figure without a baseline (e.g. a quality measure whose baseline is another figure). */
    public static void figure(String bench, String name, double value, String unit, Figure.Better better) {
        figure(bench, name, value, unit, "", Double.NaN, better, "");
    }

    /** The percentile curve (p0..p99.9) of latencies in nanoseconds, drawn in milliseconds. */
    public static void latencies(String bench, String chart, String line, long[] nanos) {
        latenciesMillis(bench, chart, line, Arrays.stream(nanos).mapToDouble(nano -> nano / 1e6).toArray());
    }

    /** The percentile curve (p0..p99.9) of latencies in milliseconds. */
    public static void latenciesMillis(String bench, String chart, String line, double[] millis) {
        if (millis.length == 0) {
            return;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        List<double[]> points = new ArrayList<>();
        for (double percentile : new double[] {0, 10, 25, 50, 75, 90, 95, 99, 99.9}) {
            int index = Math.min(sorted.length - 1, (int) Math.floor(sorted.length * percentile / 100));
            points.add(new double[] {percentile, sorted[index]});
        }
        series(new Series(bench, chart, "percentile", "latency (ms)", line, points));
    }

    /** Any other line of a chart. */
    public static void series(Series series) {
        write(JSON.valueToTree(series), "series");
    }

    private static void write(ObjectNode node, String kind) {
        String file = System.getProperty(FILE_PROPERTY);
        if (file == null) {
            return;
        }
        node.put("kind", kind);
        try {
            Files.writeString(Path.of(file), JSON.writeValueAsString(node) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write bench results to " + file, e);
        }
    }
}
