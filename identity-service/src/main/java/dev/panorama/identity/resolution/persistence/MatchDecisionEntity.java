package dev.panorama.identity.resolution.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "match_decision")
public class MatchDecisionEntity {

    @Id
    public UUID id;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public String decision;

    public Double probability;

    @JdbcTypeCode(SqlTypes.JSON)
    public String explanation;

    /** The match model version that decided, null for decisions no model made (a new version of a record). */
    @Column(name = "model_version")
    public Integer modelVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
