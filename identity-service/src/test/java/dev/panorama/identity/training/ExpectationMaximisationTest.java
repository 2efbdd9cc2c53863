package dev.panorama.identity.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EM recovers the m and u probabilities that generated unlabelled pairs, starting from the priors. */
class ExpectationMaximisationTest {

    private final Random random = new Random(20261122);

    @Test
    void recoversTheGeneratingModelFromUnlabelledPairs() {
        MatchModel truth = perturbed(MatchModel.priors(), 0.3);
        List<ComparisonVector> pairs = generate(truth, 0.25, 40_000);

        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(200, 0).estimate(pairs, MatchModel.priors());

        assertThat(estimate.converged()).isTrue();
        assertThat(estimate.matchShare()).isCloseTo(0.25, within(0.02));
        for (Comparison comparison : Comparison.values()) {
            assertThat(estimate.model().m().get(comparison)).as("m of %s", comparison)
                    .containsExactly(truth.m().get(comparison), within(0.03));
        }
        assertThat(ModelCheck.problems(estimate.model())).isEmpty();
    }

    @Test
    void aFewPairsMoveAStrongPriorOnlyALittle() {
        MatchModel truth = perturbed(MatchModel.priors(), 0.5);
        List<ComparisonVector> pairs = generate(truth, 0.25, 50);

        MatchModel estimated = new ExpectationMaximisation(200, 10_000).estimate(pairs, MatchModel.priors()).model();

        for (Comparison comparison : Comparison.values()) {
            assertThat(estimated.m().get(comparison)).as("m of %s", comparison)
                    .containsExactly(MatchModel.priors().m().get(comparison), within(0.01));
        }
        assertThat(estimated.priorWeight()).as("the configured prior is kept").isEqualTo(MatchModel.priors().priorWeight());
    }

    @Test
    void aFieldThatIsAlwaysMissingKeepsItsStartingValues() {
        MatchModel truth = MatchModel.priors();
        List<ComparisonVector> pairs = generate(truth, 0.3, 5_000).stream().map(v -> {
            int[] levels = v.levels().clone();
            levels[Comparison.UNIQUE_ID.ordinal()] = Comparison.MISSING;
            return new ComparisonVector(levels);
        }).toList();

        MatchModel estimated = new ExpectationMaximisation(100, 0).estimate(pairs, truth).model();

        assertThat(estimated.m().get(Comparison.UNIQUE_ID)).containsExactly(truth.m().get(Comparison.UNIQUE_ID));
        assertThat(estimated.u().get(Comparison.UNIQUE_ID)).containsExactly(truth.u().get(Comparison.UNIQUE_ID));
    }

    @Test
    void noPairsLeaveTheModelAsItWas() {
        ExpectationMaximisation.Estimate estimate = new ExpectationMaximisation(10, 1000).estimate(List.of(), MatchModel.priors());

        assertThat(estimate.converged()).isFalse();
        assertThat(estimate.model()).usingRecursiveComparison().isEqualTo(MatchModel.priors());
    }

    @Test
    void aModelWhereAgreementPointsAwayFromAMatchIsRefused() {
        MatchModel priors = MatchModel.priors();
        Map<Comparison, double[]> m = new EnumMap<>(priors.m());
        m.put(Comparison.FAMILY_NAME, new double[] {0.001, 0.009, 0.01, 0.98});

        List<String> problems = ModelCheck.problems(new MatchModel(1, m, priors.u(), -2, 0.95, 0.5));

        assertThat(problems).anySatisfy(problem -> assertThat(problem).startsWith("family_name"));
    }

    /** Priors with each level's share moved at random, renormalised: a "true" model EM has not seen. */
    private MatchModel perturbed(MatchModel model, double amount) {
        Map<Comparison, double[]> m = new EnumMap<>(Comparison.class);
        Map<Comparison, double[]> u = new EnumMap<>(Comparison.class);
        for (Comparison comparison : Comparison.values()) {
            m.put(comparison, jitter(model.m().get(comparison), amount));
            u.put(comparison, model.u().get(comparison).clone());
        }
        return new MatchModel(0, m, u, model.priorWeight(), model.linkThreshold(), model.reviewThreshold());
    }

    private double[] jitter(double[] shares, double amount) {
        double[] moved = new double[shares.length];
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            moved[i] = shares[i] * (1 + amount * (random.nextDouble() * 2 - 1));
            total += moved[i];
        }
        for (int i = 0; i < moved.length; i++) {
            moved[i] /= total;
        }
        return moved;
    }

    private List<ComparisonVector> generate(MatchModel model, double matchShare, int count) {
        List<ComparisonVector> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean match = random.nextDouble() < matchShare;
            int[] levels = new int[Comparison.values().length];
            for (Comparison comparison : Comparison.values()) {
                double[] shares = (match ? model.m() : model.u()).get(comparison);
                levels[comparison.ordinal()] = random.nextDouble() < 0.1 ? Comparison.MISSING : draw(shares);
            }
            pairs.add(new ComparisonVector(levels));
        }
        return pairs;
    }

    private int draw(double[] shares) {
        double r = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
