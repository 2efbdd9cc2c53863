package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates a Fellegi-Sunter model's m and u probabilities and prior from unlabelled candidate pairs
 * (Winkler's EM): the E step gives each pair its match probability under the current model, the M step
 * re-estimates every level's share among matches (m) and non-matches (u), weighted by those probabilities.
 * A field missing on either side tells nothing and is left out of its own estimate.
 *
 * <p>The share of matches EM finds among candidate pairs depends on how loose the blocking is; the model
 * keeps its configured prior weight instead, since the thresholds are calibrated against it. (On the
 * labelled data sets, learning the prior as well cost up to 0.15 F1; keeping it never cost any.)
 */
public final class ExpectationMaximisation {

    /** No level is ever certain or impossible: a zero would make one field veto every other. */
    static final double FLOOR = 1e-6;
    static final double TOLERANCE = 1e-4;

    private final int maxIterations;
    private final double priorStrength;

    /**
     * @param priorStrength how many pairs' worth of evidence the starting model counts for (a Dirichlet prior):
     *                      with few pairs the estimate stays near it, with many the data decide
     */
    public ExpectationMaximisation(int maxIterations, double priorStrength) {
        this.maxIterations = maxIterations;
        this.priorStrength = priorStrength;
    }

    /**
     * @param model      the estimated m and u, with the starting model's prior weight and thresholds
     * @param iterations EM iterations made
     * @param converged  whether the parameters settled before the iteration limit
     * @param matchShare the estimated share of true matches among the pairs
     */
    public record Estimate(MatchModel model, int iterations, boolean converged, double matchShare) {
    }

    public Estimate estimate(List<ComparisonVector> pairs, MatchModel start) {
        if (pairs.isEmpty()) {
            return new Estimate(start, 0, false, 0);
        }
        MatchModel model = start;
        double share = MatchModel.probability(start.priorWeight());
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            Step step = step(pairs, start, model, share);
            double change = Math.max(largestChange(step.model, model), Math.abs(step.share - share));
            model = step.model;
            share = step.share;
            if (change < TOLERANCE) {
                return new Estimate(model, iteration, true, share);
            }
        }
        return new Estimate(model, maxIterations, false, share);
    }

    private record Step(MatchModel model, double share) {
    }

    private Step step(List<ComparisonVector> pairs, MatchModel start, MatchModel model, double share) {
        Parameters totals = Parameters.pseudoCounts(start, priorStrength);
        double matchTotal = 0;
        for (ComparisonVector pair : pairs) {
            double p = matchProbability(pair, model, share);
            matchTotal += p;
            totals.add(pair, p);
        }
        return new Step(totals.normalised(model).model(model), clamp(matchTotal / pairs.size()));
    }

    /** The E step for one pair: Bayes with the current m, u and share, without term frequencies. */
    static double matchProbability(ComparisonVector pair, MatchModel model, double share) {
        double logOdds = Math.log(share / (1 - share));
        for (Comparison comparison : Comparison.values()) {
            int level = pair.level(comparison);
            if (level != Comparison.MISSING) {
                logOdds += Math.log(model.m().get(comparison)[level] / model.u().get(comparison)[level]);
            }
        }
        return 1 / (1 + Math.exp(-logOdds));
    }

    private static double largestChange(MatchModel next, MatchModel previous) {
        double largest = 0;
        for (Comparison comparison : Comparison.values()) {
            largest = Math.max(largest, largestDifference(next.m().get(comparison), previous.m().get(comparison)));
            largest = Math.max(largest, largestDifference(next.u().get(comparison), previous.u().get(comparison)));
        }
        return largest;
    }

    private static double largestDifference(double[] a, double[] b) {
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        return largest;
    }

    private static double clamp(double share) {
        return Math.min(1 - FLOOR, Math.max(FLOOR, share));
    }

    /** Weighted level counts among matches and non-matches, per field; then their shares. */
    private static final class Parameters {
        private final Map<Comparison, double[]> m = new EnumMap<>(Comparison.class);
        private final Map<Comparison, double[]> u = new EnumMap<>(Comparison.class);

        static Parameters pseudoCounts(MatchModel start, double strength) {
            Parameters parameters = new Parameters();
            for (Comparison comparison : Comparison.values()) {
                parameters.m.put(comparison, scaled(start.m().get(comparison), strength));
                parameters.u.put(comparison, scaled(start.u().get(comparison), strength));
            }
            return parameters;
        }

        private static double[] scaled(double[] shares, double factor) {
            double[] scaled = new double[shares.length];
            for (int i = 0; i < shares.length; i++) {
                scaled[i] = shares[i] * factor;
            }
            return scaled;
        }

        void add(ComparisonVector pair, double matchProbability) {
            for (Comparison comparison : Comparison.values()) {
                int level = pair.level(comparison);
                if (level != Comparison.MISSING) {
                    m.get(comparison)[level] += matchProbability;
                    u.get(comparison)[level] += 1 - matchProbability;
                }
            }
        }

        /** Shares per field; a field never observed keeps the previous model's values. */
        Parameters normalised(MatchModel previous) {
            Parameters shares = new Parameters();
            for (Comparison comparison : Comparison.values()) {
                shares.m.put(comparison, shares(m.get(comparison), previous.m().get(comparison)));
                shares.u.put(comparison, shares(u.get(comparison), previous.u().get(comparison)));
            }
            return shares;
        }

        private static double[] shares(double[] counts, double[] previous) {
            double total = 0;
            for (double count : counts) {
                total += count;
            }
            if (total < 1) {
                return previous.clone();
            }
            double[] shares = new double[counts.length];
            double flooredTotal = 0;
            for (int i = 0; i < counts.length; i++) {
                shares[i] = Math.max(FLOOR, counts[i] / total);
                flooredTotal += shares[i];
            }
            for (int i = 0; i < shares.length; i++) {
                shares[i] /= flooredTotal;
            }
            return shares;
        }

        MatchModel model(MatchModel previous) {
            return new MatchModel(previous.version(), m, u, previous.priorWeight(), previous.linkThreshold(),
                    previous.reviewThreshold());
        }
    }
}
