package dev.panorama.gateway.resilience;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One upstream's circuit: after {@code failureThreshold} consecutive failures it opens and refuses
 * calls for {@code openFor}; then one trial call may go through (half-open), whose outcome closes or
 * re-opens it.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Asks to make a call: empty means go ahead (the outcome must be reported), else how long to wait. */
    public synchronized Optional<Duration> acquire() {
        if (state == State.OPEN) {
            long waited = nanoClock.getAsLong() - openedAt;
            if (waited < openForNanos) {
                return Optional.of(Duration.ofNanos(openForNanos - waited));
            }
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return Optional.of(Duration.ofNanos(openForNanos));
            }
            trialInFlight = true;
        }
        return Optional.empty();
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = nanoClock.getAsLong();
            trialInFlight = false;
        }
    }

    /** The permitted call ended without saying anything about the upstream (e.g. the client's body was refused). */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    public synchronized State state() {
        return state;
    }
}
