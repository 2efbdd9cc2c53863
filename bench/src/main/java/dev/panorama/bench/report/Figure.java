package dev.panorama.bench.report;

/**
 * One measured figure beside the baseline measured in the same run, and the target the issue sets for
 * the comparison (none when the issue names none).
 *
 * @param bench the benchmark that measured it
 * @param name what was measured, e.g. "POST records p99 at 10,000 stored"
 * @param value the measured value
 * @param unit the value's unit, e.g. "ms", "/s", "F1"
 * @param baseline what the value is compared with, e.g. "GET /q/health/live p99"
 * @param baselineValue the baseline's value in the same unit, or NaN when the figure stands alone
 * @param better whether a higher or a lower value is better
 * @param target the target in words, or empty
 */
public record Figure(String bench, String name, double value, String unit, String baseline, double baselineValue,
        Better better, String target) {

    /** Which direction of a figure is good. */
    public enum Better { HIGHER, LOWER }

    /** The value divided by its baseline, or NaN without one. */
    public double ratio() {
        return Double.isNaN(baselineValue) || baselineValue == 0 ? Double.NaN : value / baselineValue;
    }
}
