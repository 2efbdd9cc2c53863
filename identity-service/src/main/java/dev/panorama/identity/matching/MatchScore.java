package dev.panorama.identity.matching;

import java.util.List;

/**
 * How well two records match, and why: each field's level and the weight it contributed.
 *
 * @param weight      total match weight (prior plus contributions)
 * @param probability the match probability the weight stands for
 */
public record MatchScore(String recordId, String otherRecordId, double weight, double probability,
        List<Contribution> contributions) {

    /** One field's part in the score. */
    public record Contribution(Comparison comparison, int level, String description, double weight) {
    }

    /** The level of a field, or {@link Comparison#MISSING}. */
    public int levelOf(Comparison comparison) {
        return contributions.stream().filter(c -> c.comparison() == comparison).findFirst()
                .map(Contribution::level).orElse(Comparison.MISSING);
    }
}
