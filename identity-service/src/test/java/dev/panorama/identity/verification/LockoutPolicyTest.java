package dev.panorama.identity.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
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
        state = policy.afterFailure(state, T0);
        assertThat(policy.remaining(state, T0)).isEqualTo(2);
        state = policy.afterFailure(state, T0.plusSeconds(1));
        assertThat(policy.remaining(state, T0)).isEqualTo(1);
        assertThat(policy.locked(state, T0)).isFalse();
        state = policy.afterFailure(state, T0.plusSeconds(2));
        assertThat(state.lockedUntil()).isEqualTo(T0.plusSeconds(2).plus(Duration.ofMinutes(15)));
        assertThat(policy.locked(state, T0.plusSeconds(3))).isTrue();
        assertThat(policy.remaining(state, T0.plusSeconds(3))).isZero();
    }

    @Example
    void aLockThatRanOutLeavesACleanSlate() {
        LockoutPolicy.State locked = new LockoutPolicy.State(3, T0);
        assertThat(policy.locked(locked, T0.minusMillis(1))).isTrue();
        assertThat(policy.locked(locked, T0)).isFalse();
        assertThat(policy.remaining(locked, T0)).isEqualTo(3);
        assertThat(policy.afterFailure(locked, T0)).isEqualTo(new LockoutPolicy.State(1, null));
    }

    @Example
    void aSuccessResetsTheCount() {
        LockoutPolicy.State twice = policy.afterFailure(policy.afterFailure(LockoutPolicy.State.CLEAR, T0), T0);
        assertThat(policy.afterSuccess()).isEqualTo(LockoutPolicy.State.CLEAR);
        assertThat(policy.remaining(policy.afterSuccess(), T0)).isEqualTo(3);
        assertThat(twice.failures()).isEqualTo(2);
    }

    @Property
    void neverMoreFailuresBeforeTheLockThanAllowed(@ForAll @IntRange(min = 1, max = 10) int max,
            @ForAll @IntRange(min = 1, max = 30) int attempts) {
        LockoutPolicy limited = new LockoutPolicy(max, Duration.ofMinutes(5));
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        int checked = 0;
        for (int i = 0; i < attempts; i++) {
            Instant now = T0.plusSeconds(i);
            if (!limited.locked(state, now)) {
                checked++;
                state = limited.afterFailure(state, now);
            }
        }
        assertThat(checked).isEqualTo(Math.min(max, attempts));
    }

    @Example
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
