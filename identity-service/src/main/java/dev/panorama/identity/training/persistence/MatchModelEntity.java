package dev.panorama.identity.training.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the match model as stored; m, u and problems are JSON. */
@Entity
@Table(name = "match_model")
public class MatchModelEntity {

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public String m;

    @JdbcTypeCode(SqlTypes.JSON)
    public String u;

    @Column(name = "prior_weight")
    public double priorWeight;

    @Column(name = "link_threshold")
    public double linkThreshold;

    @Column(name = "review_threshold")
    public double reviewThreshold;

    public int pairs;

    /** Current source records in the store when it was estimated: 0 for the priors, null when not known. */
    public Long records;

    public int iterations;

    public boolean converged;

    /** A JSON array of text (Hibernate Reactive maps jsonb only to JSON objects). */
    public String problems;

    @Column(name = "trained_at", nullable = false)
    public Instant trainedAt;

    @Column(name = "trained_by", nullable = false)
    public String trainedBy;

    public boolean active;
}
