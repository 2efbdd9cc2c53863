package dev.panorama.identity.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts failed attempts in a row, and wrong answers in a row to each factor, and locks verification for a while once
 * either reaches the limit. An attempt that verifies resets the attempts' count, but a factor's count only by a right
 * answer to that factor: else a caller who knows one weak factor (a postcode) could guess another (the last digits of an
 * account) twice, verify on the postcode alone, and guess again, never locked. A lock that has run out leaves a clean
 * slate.
 */
public record LockoutPolicy(int maxFailures, Duration lockout) {

    public LockoutPolicy {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("max failures must be at least 1 and the lockout positive");
        }
    }

    /**
     * Failed attempts in a row, wrong answers in a row per factor, and until when verification is locked (null when it
     * is not).
     */
    public record State(int failures, Map<Factor, Integer> wrongAnswers, Instant lockedUntil) {
        public static final State CLEAR = new State(0, Map.of(), null);

        public State {
            wrongAnswers = Map.copyOf(wrongAnswers);
        }

        /** The count nearest the limit: the attempts', or the most wrong answers to one factor. */
        public int worst() {
            return Math.max(failures, wrongAnswers.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
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

    /** @param answers whether each factor asked was answered right; {@code verified} whether the attempt verified */
    public State afterAttempt(State state, Map<Factor, Boolean> answers, boolean verified, Instant now) {
        State current = current(state, now);
        Map<Factor, Integer> wrong = new EnumMap<>(Factor.class);
        wrong.putAll(current.wrongAnswers());
        answers.forEach((factor, right) -> {
            if (right) {
                wrong.remove(factor);
            } else {
                wrong.merge(factor, 1, Integer::sum);
            }
        });
        State counted = new State(verified ? 0 : current.failures() + 1, wrong, null);
        return counted.worst() >= maxFailures ? new State(counted.failures(), wrong, now.plus(lockout)) : counted;
    }

    /** Failures still allowed before the lock; none while locked. */
    public int remaining(State state, Instant now) {
        State current = current(state, now);
        return current.lockedUntil() != null ? 0 : Math.max(0, maxFailures - current.worst());
    }
}
