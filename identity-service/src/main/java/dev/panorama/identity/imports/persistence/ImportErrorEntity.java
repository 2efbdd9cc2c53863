package dev.panorama.identity.imports.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One refused field of one row of an import (no content of the row). */
@Entity
@Table(name = "import_error")
public class ImportErrorEntity {

    @Embeddable
    public record Id(@Column(name = "job_id") UUID jobId, int seq) implements Serializable {
    }

    @EmbeddedId
    public Id id;

    @Column(name = "row_number", nullable = false)
    public long rowNumber;

    public String field;

    @Column(nullable = false)
    public String message;

    public static ImportErrorEntity of(UUID jobId, int seq, long rowNumber, String field, String message) {
        ImportErrorEntity error = new ImportErrorEntity();
        error.id = new Id(jobId, seq);
        error.rowNumber = rowNumber;
        error.field = field;
        error.message = message;
        return error;
    }
}
