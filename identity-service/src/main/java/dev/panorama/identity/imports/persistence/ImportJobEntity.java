package dev.panorama.identity.imports.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file and what its import has done. Its updates are named queries, parsed when the service boots: the
 * look for abandoned jobs runs at start-up, and parsing the service's first HQL there held an event loop for seconds.
 */
@Entity
@Table(name = "import_job")
@NamedQuery(name = ImportJobEntity.HEARTBEAT, query = "update ImportJobEntity set heartbeatAt = :now where id = :id")
@NamedQuery(name = ImportJobEntity.INTERRUPT_STALE, query = "update ImportJobEntity set status = :interrupted,"
        + " finishedAt = :now, failure = 'the service stopped while the import was under way; posting the file again is safe'"
        + " where status in (:unfinished) and heartbeatAt < :stale")
public class ImportJobEntity {

    static final String HEARTBEAT = "ImportJob.heartbeat";
    static final String INTERRUPT_STALE = "ImportJob.interruptStale";

    public enum Status {
        RECEIVING, RUNNING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED, INTERRUPTED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String format;

    @Column(name = "default_source_system")
    public String defaultSourceSystem;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "rows_read")
    public long rowsRead;

    @Column(name = "rows_stored")
    public long rowsStored;

    @Column(name = "rows_unchanged")
    public long rowsUnchanged;

    @Column(name = "rows_rejected")
    public long rowsRejected;

    @Column(name = "decided_new")
    public long decidedNew;

    @Column(name = "decided_matched")
    public long decidedMatched;

    @Column(name = "decided_possible")
    public long decidedPossible;

    @Column(name = "errors_reported")
    public int errorsReported;

    public String failure;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;
}
