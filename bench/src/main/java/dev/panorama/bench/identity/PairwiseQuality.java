package dev.panorama.bench.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pairwise precision, recall and F1 of a clustering: a pair is predicted-same when both records
 * ended with the same customer, truly-same when both carry the same person label.
 */
record PairwiseQuality(long truePairs, long predictedPairs, long correctPairs) {

    static PairwiseQuality of(Collection<Set<String>> predictedClusters, Map<String, String> personOfRecord) {
        long predicted = 0;
        long correct = 0;
        for (Set<String> cluster : predictedClusters) {
            predicted += pairs(cluster.size());
            Map<String, Integer> people = new HashMap<>();
            cluster.forEach(record -> people.merge(personOfRecord.get(record), 1, Integer::sum));
            correct += people.values().stream().mapToLong(PairwiseQuality::pairs).sum();
        }
        Map<String, Integer> truth = new HashMap<>();
        personOfRecord.values().forEach(person -> truth.merge(person, 1, Integer::sum));
        long truePairs = truth.values().stream().mapToLong(PairwiseQuality::pairs).sum();
        return new PairwiseQuality(truePairs, predicted, correct);
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    double precision() {
        return predictedPairs == 0 ? 1 : (double) correctPairs / predictedPairs;
    }

    double recall() {
        return truePairs == 0 ? 1 : (double) correctPairs / truePairs;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("P %.4f  R %.4f  F1 %.4f  (true pairs %d, predicted %d, correct %d)",
                precision(), recall(), f1(), truePairs, predictedPairs, correctPairs);
    }

}
