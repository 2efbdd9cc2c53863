package dev.panorama.identity.matching;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Fellegi-Sunter model: for each comparison level, m (how often true matches agree that way) and
 * u (how often non-matches do), the prior odds of a match among candidates, and the thresholds.
 * A level's match weight is {@code log2(m / u)}; a pair's weight is the prior plus the sum over fields.
 *
 * @param version          the model's version (priors are 0; each training makes a new one)
 * @param priorWeight      log2 of the prior odds that a candidate pair is a match
 * @param linkThreshold    probability at or above which a record links to a customer
 * @param reviewThreshold  probability at or above which a pair is worth a data steward's look
 */
public record MatchModel(int version, Map<Comparison, double[]> m, Map<Comparison, double[]> u, double priorWeight,
        double linkThreshold, double reviewThreshold) {

    public MatchModel {
        m = new EnumMap<>(m);
        u = new EnumMap<>(u);
        for (Comparison comparison : Comparison.values()) {
            int levels = comparison.levels().size();
            if (m.get(comparison).length != levels || u.get(comparison).length != levels) {
                throw new IllegalArgumentException(comparison + " needs " + levels + " m and u values");
            }
        }
    }

    /** Sensible starting values, before EM has seen any data. */
    public static MatchModel priors() {
        Map<Comparison, double[]> m = new EnumMap<>(Comparison.class);
        Map<Comparison, double[]> u = new EnumMap<>(Comparison.class);
        put(m, u, Comparison.GIVEN_NAME, new double[] {0.80, 0.04, 0.08, 0.04, 0.04}, new double[] {0.005, 0.001, 0.004, 0.03, 0.96});
        put(m, u, Comparison.FAMILY_NAME, new double[] {0.82, 0.09, 0.05, 0.04}, new double[] {0.002, 0.002, 0.02, 0.976});
        put(m, u, Comparison.BIRTH_DATE, new double[] {0.87, 0.09, 0.03, 0.01}, new double[] {0.0005, 0.003, 0.03, 0.9665});
        put(m, u, Comparison.EMAIL, new double[] {0.75, 0.15, 0.10}, new double[] {0.0001, 0.002, 0.9979});
        put(m, u, Comparison.PHONE, new double[] {0.85, 0.05, 0.10}, new double[] {0.0001, 0.0005, 0.9994});
        put(m, u, Comparison.STREET, new double[] {0.75, 0.12, 0.13}, new double[] {0.0005, 0.003, 0.9965});
        put(m, u, Comparison.LOCALITY, new double[] {0.80, 0.10, 0.10}, new double[] {0.01, 0.01, 0.98});
        put(m, u, Comparison.POSTCODE, new double[] {0.80, 0.10, 0.10}, new double[] {0.005, 0.03, 0.965});
        put(m, u, Comparison.REGION, new double[] {0.90, 0.10}, new double[] {0.2, 0.8});
        put(m, u, Comparison.UNIQUE_ID, new double[] {0.88, 0.07, 0.05}, new double[] {0.00001, 0.0002, 0.99979});
        // the prior is the odds among blocked candidates (records sharing a key), not among all pairs
        return new MatchModel(0, m, u, -2, 0.95, 0.50);
    }

    private static void put(Map<Comparison, double[]> m, Map<Comparison, double[]> u, Comparison comparison,
            double[] mValues, double[] uValues) {
        m.put(comparison, mValues);
        u.put(comparison, uValues);
    }

    /**
     * The weight of a level, with the exact level's u replaced by the value's frequency where one is known. A level as
     * likely among matches as among non-matches weighs nothing, whatever the value's frequency: a field left out of the
     * model ({@link #leftOut}) says nothing.
     */
    public double weight(Comparison comparison, int level, double termFrequency) {
        if (level == Comparison.MISSING) {
            return 0;
        }
        double mValue = m.get(comparison)[level];
        double uValue = u.get(comparison)[level];
        if (mValue == uValue) {
            return 0;
        }
        return log2(mValue / (level == 0 && termFrequency > 0 ? termFrequency : uValue));
    }

    /** This model with the comparison weighing nothing at every level (its u set to its m). */
    public MatchModel leftOut(Comparison comparison) {
        Map<Comparison, double[]> neutral = new EnumMap<>(u);
        neutral.put(comparison, m.get(comparison).clone());
        return new MatchModel(version, m, neutral, priorWeight, linkThreshold, reviewThreshold);
    }

    /** Whether the comparison weighs nothing at any level ({@link #leftOut}). */
    public boolean isLeftOut(Comparison comparison) {
        return Arrays.equals(m.get(comparison), u.get(comparison));
    }

    /** The comparisons that weigh nothing at any level ({@link #leftOut}). */
    public List<Comparison> fieldsLeftOut() {
        return Arrays.stream(Comparison.values()).filter(this::isLeftOut).toList();
    }

    public static double probability(double weight) {
        double odds = Math.pow(2, weight);
        return odds / (1 + odds);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
