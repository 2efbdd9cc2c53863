package dev.panorama.identity.verification;

import static dev.panorama.identity.verification.Factor.ACCOUNT_LAST_DIGITS;
import static dev.panorama.identity.verification.Factor.MEMORABLE_DATE;
import static dev.panorama.identity.verification.Factor.PASSPHRASE;
import static dev.panorama.identity.verification.Factor.POSTCODE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class AssurancePolicyTest {

    @Example
    void levelsFollowHowManyAndHowStrongTheRightAnswersAre() {
        assertThat(AssurancePolicy.decide(right(POSTCODE))).isEqualTo(AssuranceLevel.LOW);
        assertThat(AssurancePolicy.decide(right(ACCOUNT_LAST_DIGITS))).isEqualTo(AssuranceLevel.LOW);
        assertThat(AssurancePolicy.decide(right(MEMORABLE_DATE))).isEqualTo(AssuranceLevel.MEDIUM);
        assertThat(AssurancePolicy.decide(right(PASSPHRASE))).isEqualTo(AssuranceLevel.MEDIUM);
        assertThat(AssurancePolicy.decide(right(POSTCODE, ACCOUNT_LAST_DIGITS))).isEqualTo(AssuranceLevel.MEDIUM);
        assertThat(AssurancePolicy.decide(right(MEMORABLE_DATE, POSTCODE))).isEqualTo(AssuranceLevel.HIGH);
        assertThat(AssurancePolicy.decide(right(MEMORABLE_DATE, PASSPHRASE, POSTCODE, ACCOUNT_LAST_DIGITS)))
                .isEqualTo(AssuranceLevel.HIGH);
        assertThat(AssurancePolicy.decide(Map.of())).isEqualTo(AssuranceLevel.NONE);
    }

    @Property
    void anyWrongAnswerMeansNoAssurance(@ForAll @Size(min = 1) Set<Factor> right, @ForAll Factor wrong) {
        Map<Factor, Boolean> answers = right(right.toArray(Factor[]::new));
        answers.put(wrong, false);
        assertThat(AssurancePolicy.decide(answers)).isEqualTo(AssuranceLevel.NONE);
    }

    @Property
    void oneMoreRightAnswerNeverLowersTheLevel(@ForAll @Size(min = 1) Set<Factor> right, @ForAll Factor more) {
        Map<Factor, Boolean> fewer = right(right.toArray(Factor[]::new));
        Map<Factor, Boolean> withMore = new EnumMap<>(fewer);
        withMore.put(more, true);
        assertThat(AssurancePolicy.decide(withMore)).isGreaterThanOrEqualTo(AssurancePolicy.decide(fewer));
    }

    private static Map<Factor, Boolean> right(Factor... factors) {
        Map<Factor, Boolean> answers = new EnumMap<>(Factor.class);
        for (Factor factor : factors) {
            answers.put(factor, true);
        }
        return answers;
    }
}
