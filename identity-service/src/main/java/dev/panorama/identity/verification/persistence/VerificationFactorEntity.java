package dev.panorama.identity.verification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One factor of one customer, as its Argon2id PHC string. */
@Entity
@Table(name = "verification_factor")
public class VerificationFactorEntity {

    @Embeddable
    public record Id(@Column(name = "customer_id") UUID customerId, String factor) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(nullable = false)
    public String hash;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;
}
