package dev.panorama.bench;

import java.util.Arrays;
import java.util.Collection;

/** The median of a benchmark's repeated measurements: the middle value, or the mean of the two middle ones. */
public final class Median {

    private Median() {
    }

    public static double of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
