package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.MatchScore;
import java.util.List;

/**
 * Why a record was linked: the record it was compared with, the overall score and each field's part.
 * Stored with the decision and shown to staff; it holds no personal values, only levels and weights.
 */
public record Explanation(String comparedWithRecord, double weight, double probability, List<Field> fields) {

    /** One field: how the two values compared, and the weight that added. */
    public record Field(String field, String level, double weight) {
    }

    static Explanation of(MatchScore score) {
        return new Explanation(score.otherRecordId(), round(score.weight()), round(score.probability()),
                score.contributions().stream()
                        .map(c -> new Field(c.comparison().name().toLowerCase(), c.description(), round(c.weight())))
                        .toList());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
