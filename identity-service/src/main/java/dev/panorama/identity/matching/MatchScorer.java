package dev.panorama.identity.matching;

import java.util.ArrayList;
import java.util.List;

/** Scores a pair of records with a Fellegi-Sunter model and term-frequency adjustments. */
public final class MatchScorer {

    private final MatchModel model;
    private final TermFrequencies frequencies;

    public MatchScorer(MatchModel model, TermFrequencies frequencies) {
        this.model = model;
        this.frequencies = frequencies;
    }

    public MatchScore score(PersonRecord incoming, PersonRecord stored) {
        double total = model.priorWeight();
        List<MatchScore.Contribution> contributions = new ArrayList<>(Comparison.values().length);
        for (Comparison comparison : Comparison.values()) {
            int level = comparison.level(incoming, stored);
            double frequency = level == 0 ? frequencies.frequency(comparison, stored, model.u().get(comparison)[0]) : 0;
            double weight = model.weight(comparison, level, frequency);
            total += weight;
            contributions.add(new MatchScore.Contribution(comparison, level, comparison.describe(level), weight));
        }
        return new MatchScore(incoming.recordId(), stored.recordId(), total, MatchModel.probability(total), contributions);
    }

    public MatchModel model() {
        return model;
    }
}
