package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an estimated model makes sense before it decides anything: EM on unlabelled pairs can settle
 * on a split that is not "same person / different person" (e.g. "same town / different town"). Such a
 * model is kept for inspection but never activated.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    /** What is wrong with the model, empty when it may be activated. */
    public static List<String> problems(MatchModel model) {
        List<String> problems = new ArrayList<>();
        for (Comparison comparison : Comparison.values()) {
            double[] m = model.m().get(comparison);
            double[] u = model.u().get(comparison);
            if (m[0] <= u[0]) {
                problems.add(comparison.name().toLowerCase() + ": exact agreement is not more likely among matches");
            }
            int last = m.length - 1;
            if (m[last] >= u[last]) {
                problems.add(comparison.name().toLowerCase() + ": disagreement is not less likely among matches");
            }
        }
        double share = MatchModel.probability(model.priorWeight());
        if (share > 0.9) {
            problems.add("the estimated share of matches among candidates (" + Math.round(share * 100) + "%) is implausibly high");
        }
        return problems;
    }
}
