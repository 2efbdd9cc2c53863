package dev.panorama.identity.verification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Failed verification attempts in a row of one customer, its wrong answers in a row per factor, and the lock they caused. */
@Entity
@Table(name = "verification_lock")
public class VerificationLockEntity {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(nullable = false)
    public int failures;

    /** Wrong answers in a row per factor, as {@code postcode=1,accountLastDigits=2} (see {@code WrongAnswers}). */
    @Column(name = "wrong_answers", nullable = false)
    public String wrongAnswers = "";

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
