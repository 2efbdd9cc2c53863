package dev.panorama.identity.training;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether an estimated model makes sense before it decides anything: EM on unlabelled pairs can settle
 * on a split that is not "same person / different person" (e.g. "same town / different town"). Such a
 * model is kept for inspection but never activated.
 */
public final class ModelCheck {

    /** Where a record lives: fields the blocking keys may make common among candidates, matches or not. */
    private static final Set<Comparison> LOCATION = EnumSet.of(Comparison.STREET, Comparison.LOCALITY, Comparison.POSTCODE,
            Comparison.REGION);
    /** Within a factor of two either way (in bits): agreement or disagreement that says next to nothing. */
    private static final double UNINFORMATIVE = 1.0;

    private ModelCheck() {
    }

    /**
     * The model with each location field left out ({@link MatchModel#leftOut}) whose agreement and disagreement are each
     * about as likely among matches as among the other candidates. Two of the blocking keys pair records of one
     * locality, so among candidates a shared locality can be common either way: EM then estimates the field as saying
     * nothing, or a little in the wrong direction, which {@link #problems} would refuse. Names, dates and contact
     * details are never left out: a model in which they say nothing has split the pairs by something else.
     */
    public static MatchModel withoutUninformativeLocations(MatchModel model) {
        MatchModel result = model;
        for (Comparison comparison : LOCATION) {
            if (uninformative(model, comparison)) {
                result = result.leftOut(comparison);
            }
        }
        return result;
    }

    /** Judged on the field's own u, not a value's frequency. */
    private static boolean uninformative(MatchModel model, Comparison comparison) {
        int last = comparison.levels().size() - 1;
        return Math.abs(model.weight(comparison, 0, 0)) < UNINFORMATIVE
                && Math.abs(model.weight(comparison, last, 0)) < UNINFORMATIVE;
    }

    /** What is wrong with the model, empty when it may be activated. A field left out is not judged. */
    public static List<String> problems(MatchModel model) {
        List<String> problems = new ArrayList<>();
        for (Comparison comparison : Comparison.values()) {
            if (model.isLeftOut(comparison)) {
                continue;
            }
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
