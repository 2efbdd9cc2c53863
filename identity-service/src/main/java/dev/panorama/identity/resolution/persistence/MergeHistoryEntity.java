package dev.panorama.identity.resolution.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "merge_history")
public class MergeHistoryEntity {

    @Id
    public UUID id;

    @Column(name = "survivor_id", nullable = false)
    public UUID survivorId;

    @Column(name = "merged_id", nullable = false)
    public UUID mergedId;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String actor;

    public Double probability;

    @Column(name = "merged_at", nullable = false)
    public Instant mergedAt;

    /** The merge (identity_change) this pair was part of; absent on rows older than the change log. */
    @Column(name = "change_id")
    public UUID changeId;
}
