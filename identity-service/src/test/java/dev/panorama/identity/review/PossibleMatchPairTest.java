package dev.panorama.identity.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.identity.matching.Comparison;
import dev.panorama.identity.matching.MatchModel;
import dev.panorama.identity.matching.MatchScore;
import dev.panorama.identity.matching.MatchScorer;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.matching.TermFrequencies;
import dev.panorama.identity.normalisation.RecordNormaliser;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The pair the stewardship tests rely on scores as a possible match, whatever the run's random details. */
class PossibleMatchPairTest {

    private final RecordNormaliser normaliser = RecordNormaliser.withDefaults("GB");

    @Property(tries = 200)
    void thePairIsWorthAReviewButNotALink(@ForAll long seed) {
        List<StewardshipPeople.Person> pair = new StewardshipPeople(seed).possiblePair();
        PersonRecord first = normaliser.normalise(pair.get(0).sourceRecord());
        PersonRecord second = normaliser.normalise(pair.get(1).sourceRecord());
        TermFrequencies frequencies = new TermFrequencies();
        frequencies.add(first);

        MatchScore score = new MatchScorer(MatchModel.priors(), frequencies).score(second, first);

        assertThat(score.probability()).isBetween(0.5, 0.95);
        assertThat(score.probability()).isLessThan(MatchModel.priors().linkThreshold());
        assertThat(score.levelOf(Comparison.PHONE)).as("phones compared").isEqualTo(2);
        assertThat(score.levelOf(Comparison.EMAIL)).as("emails compared").isEqualTo(2);
        assertThat(score.levelOf(Comparison.BIRTH_DATE)).isZero();
        assertThat(score.levelOf(Comparison.POSTCODE)).isEqualTo(2);
        assertThat(score.levelOf(Comparison.LOCALITY)).isEqualTo(2);
    }
}
