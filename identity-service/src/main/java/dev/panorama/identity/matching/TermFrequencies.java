package dev.panorama.identity.matching;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * How common each value is, per compared field, among the records seen so far: an exact match on
 * "smith" says less than one on "quennell". Small counts are blended with the model's u so that the
 * first few records do not swing the weights.
 */
public final class TermFrequencies {

    private final Map<Comparison, Map<String, Integer>> counts = new EnumMap<>(Comparison.class);
    private final Map<Comparison, Integer> totals = new EnumMap<>(Comparison.class);

    public TermFrequencies() {
    }

    /** Frequencies counted elsewhere (e.g. over the stored records): counts per value and records per field. */
    public TermFrequencies(Map<Comparison, Map<String, Integer>> counts, Map<Comparison, Integer> totals) {
        counts.forEach((comparison, terms) -> this.counts.put(comparison, new HashMap<>(terms)));
        this.totals.putAll(totals);
    }

    public synchronized void add(PersonRecord record) {
        for (Comparison comparison : Comparison.values()) {
            String term = comparison.termOf(record);
            if (term != null) {
                counts.computeIfAbsent(comparison, c -> new HashMap<>()).merge(term, 1, Integer::sum);
                totals.merge(comparison, 1, Integer::sum);
            }
        }
    }

    /** The frequency of the term of this record in the field, or 0 where the field has none. */
    public synchronized double frequency(Comparison comparison, PersonRecord record, double priorU) {
        String term = comparison.termOf(record);
        if (term == null) {
            return 0;
        }
        int count = counts.getOrDefault(comparison, Map.of()).getOrDefault(term, 0);
        int total = totals.getOrDefault(comparison, 0);
        double pseudoCount = 1 / priorU;
        return (count + 1) / (total + pseudoCount);
    }
}
