package dev.panorama.identity.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingDueTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");
    private static final TrainingDue RULE = new TrainingDue(Duration.ofHours(24), 10_000, 2);

    @Test
    void aStoreWithoutAnyVersionIsTrained() {
        assertThat(RULE.why(null, 0, NOW)).hasValue("no version is stored");
    }

    @Test
    void aVersionOlderThanTheIntervalIsEstimatedAgainWhateverTheStoreHolds() {
        assertThat(RULE.why(new TrainingDue.Newest(NOW.minus(Duration.ofHours(25)), 50_000L), 50_000, NOW))
                .hasValueSatisfying(why -> assertThat(why).contains("older than"));
        assertThat(RULE.why(new TrainingDue.Newest(NOW.minus(Duration.ofHours(25)), null), 0, NOW)).isPresent();
    }

    @Test
    void thePriorsAreReplacedOnceTheStoreHoldsTheFirstRecordsAsked() {
        TrainingDue.Newest priors = new TrainingDue.Newest(NOW.minus(Duration.ofMinutes(30)), 0L);

        assertThat(RULE.why(priors, 9_999, NOW)).isEmpty();
        assertThat(RULE.why(priors, 10_000, NOW)).hasValueSatisfying(why -> assertThat(why).contains("priors"));
    }

    @Test
    void aTrainedVersionIsEstimatedAgainOnceTheStoreHasGrownByTheFactor() {
        TrainingDue.Newest trained = new TrainingDue.Newest(NOW.minus(Duration.ofHours(2)), 12_000L);

        assertThat(RULE.why(trained, 23_999, NOW)).isEmpty();
        assertThat(RULE.why(trained, 24_000, NOW)).hasValueSatisfying(why -> assertThat(why).contains("12000"));
    }

    @Test
    void aVersionWhoseRecordsAreNotKnownWaitsForItsAge() {
        assertThat(RULE.why(new TrainingDue.Newest(NOW.minus(Duration.ofHours(2)), null), 10_000_000, NOW)).isEmpty();
    }

    @Test
    void aFactorOfOneOrLessLeavesItToTheInterval() {
        TrainingDue ageOnly = new TrainingDue(Duration.ofHours(24), 10_000, 0);

        assertThat(ageOnly.why(new TrainingDue.Newest(NOW.minus(Duration.ofHours(2)), 100L), 10_000_000, NOW)).isEmpty();
    }
}
