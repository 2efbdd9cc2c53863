package dev.panorama.identity.verification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The audit trail of one verification attempt or unlock; holds no answers. */
@Entity
@Table(name = "verification_attempt")
public class VerificationAttemptEntity {

    @Id
    public UUID id;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "requested_customer_id", nullable = false)
    public UUID requestedCustomerId;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "client_id")
    public String clientId;

    public String channel;

    /** Factor names, comma separated. */
    @Column(nullable = false)
    public String factors;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "assurance_level")
    public String assuranceLevel;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;
}
