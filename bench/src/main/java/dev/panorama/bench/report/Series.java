package dev.panorama.bench.report;

import java.util.List;

/**
 * Points of one line of a chart, e.g. the latency distribution of one path or throughput as the store
 * grows. Lines of the same {@code chart} are drawn together so a run's figure and its baseline sit side
 * by side.
 */
public record Series(String bench, String chart, String xLabel, String yLabel, String line, List<double[]> points) {
}
