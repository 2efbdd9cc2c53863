package dev.panorama.identity.merge.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One merge, split or undo; written once, changed only by an erasure, which replaces the source ids it made pseudonymous. */
@Entity
@Table(name = "identity_change")
public class IdentityChangeEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String reason;

    public Double probability;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public UUID undoes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_sides", nullable = false)
    public String beforeSides;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_sides", nullable = false)
    public String afterSides;
}
