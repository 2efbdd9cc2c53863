package dev.panorama.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WrongAnswersTest {

    @Test
    void countsSurviveTheirStoredFormInFactorOrder() {
        Map<Factor, Integer> counts = Map.of(Factor.ACCOUNT_LAST_DIGITS, 2, Factor.MEMORABLE_DATE, 1);
        assertThat(WrongAnswers.write(counts)).isEqualTo("memorableDate=1,accountLastDigits=2");
        assertThat(WrongAnswers.read(WrongAnswers.write(counts))).isEqualTo(counts);
    }

    @Test
    void noCountsAreStoredAsNothing() {
        assertThat(WrongAnswers.write(Map.of())).isEmpty();
        assertThat(WrongAnswers.read("")).isEmpty();
        assertThat(WrongAnswers.read(null)).isEmpty();
    }
}
