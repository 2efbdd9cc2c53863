package dev.panorama.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(3, Duration.ofMinutes(15));

    @Example
    void theThirdFailureInARowLocksForTheLockoutPeriod() {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        state = wrong(state, Factor.POSTCODE, T0);
        assertThat(policy.remaining(state, T0)).isEqualTo(2);
        state = wrong(state, Factor.MEMORABLE_DATE, T0.plusSeconds(1));
        assertThat(policy.remaining(state, T0)).isEqualTo(1);
        assertThat(policy.locked(state, T0)).isFalse();
        state = wrong(state, Factor.ACCOUNT_LAST_DIGITS, T0.plusSeconds(2));
        assertThat(state.lockedUntil()).isEqualTo(T0.plusSeconds(2).plus(Duration.ofMinutes(15)));
        assertThat(policy.locked(state, T0.plusSeconds(3))).isTrue();
        assertThat(policy.remaining(state, T0.plusSeconds(3))).isZero();
    }

    @Example
    void aLockThatRanOutLeavesACleanSlate() {
        LockoutPolicy.State locked = new LockoutPolicy.State(3, Map.of(Factor.POSTCODE, 3), T0);
        assertThat(policy.locked(locked, T0.minusMillis(1))).isTrue();
        assertThat(policy.locked(locked, T0)).isFalse();
        assertThat(policy.remaining(locked, T0)).isEqualTo(3);
        assertThat(wrong(locked, Factor.POSTCODE, T0)).isEqualTo(new LockoutPolicy.State(1, Map.of(Factor.POSTCODE, 1), null));
    }

    @Example
    void aVerifiedAttemptResetsTheAttemptsButNotTheFactorsItDidNotAnswer() {
        LockoutPolicy.State twice = wrong(wrong(LockoutPolicy.State.CLEAR, Factor.MEMORABLE_DATE, T0), Factor.MEMORABLE_DATE, T0);
        LockoutPolicy.State verified = policy.afterAttempt(twice, Map.of(Factor.PASSPHRASE, true), true, T0);
        assertThat(verified.failures()).isZero();
        assertThat(policy.remaining(verified, T0)).isEqualTo(1);
        LockoutPolicy.State dateRight = policy.afterAttempt(verified, Map.of(Factor.MEMORABLE_DATE, true), true, T0);
        assertThat(policy.remaining(dateRight, T0)).isEqualTo(3);
    }

    @Example
    void aWeakFactorKnownBuysNoFurtherGuessesAtAnother() {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        int guesses = 0;
        while (!policy.locked(state, T0) && guesses < 10) {
            state = wrong(state, Factor.ACCOUNT_LAST_DIGITS, T0);
            guesses++;
            if (guesses % 2 == 0 && !policy.locked(state, T0)) {
                state = policy.afterAttempt(state, Map.of(Factor.POSTCODE, true), true, T0);
            }
        }
        assertThat(guesses).isEqualTo(3);
        assertThat(state.wrongAnswers()).containsEntry(Factor.ACCOUNT_LAST_DIGITS, 3);
    }

    @Property
    void neverMoreFailuresBeforeTheLockThanAllowed(@ForAll @IntRange(min = 1, max = 10) int max,
            @ForAll @IntRange(min = 1, max = 30) int attempts, @ForAll boolean knowsThePostcode) {
        LockoutPolicy limited = new LockoutPolicy(max, Duration.ofMinutes(5));
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        int guesses = 0;
        for (int i = 0; i < attempts; i++) {
            Instant now = T0.plusSeconds(i);
            if (!limited.locked(state, now)) {
                guesses++;
                state = limited.afterAttempt(state, Map.of(Factor.ACCOUNT_LAST_DIGITS, false), false, now);
                if (knowsThePostcode && !limited.locked(state, now)) {
                    state = limited.afterAttempt(state, Map.of(Factor.POSTCODE, true), true, now);
                }
            }
        }
        assertThat(guesses).isEqualTo(Math.min(max, attempts));
    }

    @Example
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private LockoutPolicy.State wrong(LockoutPolicy.State state, Factor factor, Instant now) {
        return policy.afterAttempt(state, Map.of(factor, false), false, now);
    }
}
