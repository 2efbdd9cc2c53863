package dev.panorama.identity.resolution.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a record from a source system, linked to a customer. */
@Entity
@Table(name = "source_record")
public class SourceRecordEntity {

    @Id
    public UUID id;

    @Column(name = "source_system", nullable = false)
    public String sourceSystem;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    public int version;

    public boolean current;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @JdbcTypeCode(SqlTypes.JSON)
    public String normalised;

    @Column(name = "customer_id", nullable = false)
    public UUID customerId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
