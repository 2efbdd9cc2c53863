package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A version of the match model as a data steward reads it: where it came from (the candidate pairs it was
 * estimated from, among how many current records; records null for versions estimated before they were kept),
 * whether it is active, and for every field each comparison level's m, u and the match weight it gives.
 */
public record ModelVersion(int version, boolean active, Instant trainedAt, String trainedBy, int pairs, Long records, int iterations,
        boolean converged, List<String> problems, double priorWeight, double linkThreshold, double reviewThreshold,
        List<Field> fields) {

    /** One compared field and its levels. */
    public record Field(String field, List<Level> levels) {
    }

    /** One comparison level: how often matches (m) and non-matches (u) agree this way, and the weight that gives. */
    public record Level(String level, double m, double u, double weight) {
    }

    static List<Field> fields(MatchModel model) {
        return Arrays.stream(Comparison.values()).map(comparison -> field(model, comparison)).toList();
    }

    private static Field field(MatchModel model, Comparison comparison) {
        double[] m = model.m().get(comparison);
        double[] u = model.u().get(comparison);
        List<Level> levels = java.util.stream.IntStream.range(0, m.length)
                .mapToObj(i -> new Level(comparison.describe(i), m[i], u[i], model.weight(comparison, i, 0)))
                .toList();
        return new Field(comparison.name().toLowerCase(), levels);
    }
}
