package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.PersonRecord;

/** The level of every compared field for one candidate pair: what EM learns from (labels are never known). */
public record ComparisonVector(int[] levels) {

    public static ComparisonVector of(PersonRecord a, PersonRecord b) {
        Comparison[] comparisons = Comparison.values();
        int[] levels = new int[comparisons.length];
        for (int i = 0; i < comparisons.length; i++) {
            levels[i] = comparisons[i].level(a, b);
        }
        return new ComparisonVector(levels);
    }

    public int level(Comparison comparison) {
        return levels[comparison.ordinal()];
    }
}
