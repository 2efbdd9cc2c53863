package dev.panorama.identity.verification;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed attempts in a row and locks verification for a while once there were too many. A lock that
 * has run out leaves a clean slate; a success resets the count.
 */
public record LockoutPolicy(int maxFailures, Duration lockout) {

    public LockoutPolicy {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("max failures must be at least 1 and the lockout positive");
        }
    }

    /** Failed attempts in a row, and until when verification is locked (null when it is not). */
    public record State(int failures, Instant lockedUntil) {
        public static final State CLEAR = new State(0, null);
    }

    /** The state as it stands at {@code now}: an expired lock counts as no failures at all. */
    public State current(State state, Instant now) {
        if (state.lockedUntil() != null && !now.isBefore(state.lockedUntil())) {
            return State.CLEAR;
        }
        return state;
    }

    public boolean locked(State state, Instant now) {
        return current(state, now).lockedUntil() != null;
    }

    public State afterFailure(State state, Instant now) {
        int failures = current(state, now).failures() + 1;
        return new State(failures, failures >= maxFailures ? now.plus(lockout) : null);
    }

    public State afterSuccess() {
        return State.CLEAR;
    }

    /** Failed attempts still allowed before the lock; none while locked. */
    public int remaining(State state, Instant now) {
        State current = current(state, now);
        return current.lockedUntil() != null ? 0 : Math.max(0, maxFailures - current.failures());
    }
}
