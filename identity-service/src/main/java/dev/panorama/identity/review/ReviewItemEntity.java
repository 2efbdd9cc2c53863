package dev.panorama.identity.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A possible match waiting for (or given) a data steward's decision. */
@Entity
@Table(name = "review_item")
public class ReviewItemEntity {

    public enum Status {
        OPEN, ACCEPTED, REJECTED
    }

    @Id
    public UUID id;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    /** The customer the record got for now. */
    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    /** The existing customer it may belong to. */
    @Column(name = "candidate_customer_id", nullable = false)
    public UUID candidateCustomerId;

    @Column(nullable = false)
    public double probability;

    @JdbcTypeCode(SqlTypes.JSON)
    public String explanation;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** The merge an acceptance made. */
    @Column(name = "change_id")
    public UUID changeId;
}
