package dev.panorama.identity.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plausibility check before a trained model decides anything, and the location fields it may leave out. */
class ModelCheckTest {

    private final MatchModel priors = MatchModel.priors();

    @Test
    void aLocationAsCommonAmongNonMatchesAsAmongMatchesIsLeftOutAndNoLongerRefusesTheModel() {
        // as EM estimated locality on a store whose blocking keys pair records of one locality
        // (bench/README.md, identity-service speed)
        MatchModel trained = with(Comparison.LOCALITY, new double[] {0.84, 0.08, 0.08}, new double[] {0.9522, 0.0005, 0.0473});
        assertThat(ModelCheck.problems(trained)).anySatisfy(problem -> assertThat(problem).startsWith("locality"));

        MatchModel settled = ModelCheck.withoutUninformativeLocations(trained);

        assertThat(settled.isLeftOut(Comparison.LOCALITY)).isTrue();
        assertThat(ModelCheck.problems(settled)).isEmpty();
        for (int level = 0; level < Comparison.LOCALITY.levels().size(); level++) {
            assertThat(settled.weight(Comparison.LOCALITY, level, 0)).isZero();
        }
        assertThat(settled.weight(Comparison.LOCALITY, 0, 0.0001)).as("a rare town's frequency cannot make it evidence").isZero();
        assertThat(settled.weight(Comparison.FAMILY_NAME, 0, 0)).isEqualTo(trained.weight(Comparison.FAMILY_NAME, 0, 0));
    }

    @Test
    void anInformativeLocationStaysAndANameThatSaysNothingStillRefusesTheModel() {
        assertThat(ModelCheck.withoutUninformativeLocations(priors)).usingRecursiveComparison().isEqualTo(priors);

        MatchModel townSplit = with(Comparison.GIVEN_NAME, new double[] {0.3, 0.05, 0.05, 0.1, 0.5},
                new double[] {0.3, 0.05, 0.05, 0.1, 0.5});
        MatchModel settled = ModelCheck.withoutUninformativeLocations(with(townSplit, Comparison.FAMILY_NAME,
                new double[] {0.01, 0.01, 0.02, 0.96}, new double[] {0.05, 0.01, 0.02, 0.92}));

        assertThat(settled.isLeftOut(Comparison.FAMILY_NAME)).isFalse();
        assertThat(ModelCheck.problems(settled)).anySatisfy(problem -> assertThat(problem).startsWith("family_name"));
    }

    private MatchModel with(Comparison comparison, double[] m, double[] u) {
        return with(priors, comparison, m, u);
    }

    private static MatchModel with(MatchModel model, Comparison comparison, double[] m, double[] u) {
        Map<Comparison, double[]> ms = new EnumMap<>(model.m());
        Map<Comparison, double[]> us = new EnumMap<>(model.u());
        ms.put(comparison, m);
        us.put(comparison, u);
        return new MatchModel(1, ms, us, model.priorWeight(), model.linkThreshold(), model.reviewThreshold());
    }
}
