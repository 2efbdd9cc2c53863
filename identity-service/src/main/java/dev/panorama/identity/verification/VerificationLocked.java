package dev.panorama.identity.verification;

import dev.panorama.kit.problem.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/** Too many failed attempts in a row: no answer is checked until the lock runs out or a supervisor lifts it. */
public class VerificationLocked extends DomainException {

    public static final String TYPE = "verification-locked";

    private final Instant lockedUntil;

    public VerificationLocked(UUID customerId, Instant lockedUntil) {
        super(Kind.LOCKED, TYPE, "Verification of customer " + customerId + " is locked after repeated failed attempts until "
                + lockedUntil + ".");
        this.lockedUntil = lockedUntil;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Until the lock runs out, rounded up: a client can tell the caller when to try again. */
    @Override
    protected OptionalLong retryAfterSeconds() {
        return OptionalLong.of(Math.max(1, Duration.between(Clock.systemUTC().instant(), lockedUntil).toSeconds() + 1));
    }
}
