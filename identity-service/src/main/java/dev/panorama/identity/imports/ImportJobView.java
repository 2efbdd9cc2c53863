package dev.panorama.identity.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.panorama.identity.imports.persistence.ImportJobEntity;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as its submitter and staff see it. */
@Schema(name = "ImportJob", description = "A bulk import of source records and how far it has got")
public record ImportJobView(
        UUID id,
        @Schema(description = "RECEIVING (the file is arriving), RUNNING, COMPLETED, COMPLETED_WITH_ERRORS (some rows refused:"
                + " see the error report), FAILED (the file could not be read on; see failure), INTERRUPTED (the service"
                + " stopped; posting the file again is safe)") String status,
        @Schema(description = "NDJSON or CSV") String format,
        @Schema(description = "The source system given with ?sourceSystem= for rows without one") String sourceSystem,
        @Schema(description = "Rows read so far (blank lines not counted)") long rowsRead,
        @Schema(description = "Rows stored as a new record or a new version of one") long rowsStored,
        @Schema(description = "Rows already stored with the same content (a file posted again)") long rowsUnchanged,
        @Schema(description = "Rows refused: each is in the error report") long rowsRejected,
        @Schema(description = "How the stored rows were resolved") Decisions decisions,
        @Schema(description = "Entries in the error report (it keeps a bounded number; rowsRejected counts every row)") int errorsReported,
        @Schema(description = "Why a FAILED or INTERRUPTED job stopped") String failure,
        @Schema(description = "Who posted the file") String submittedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** Stored rows per resolution decision. */
    public record Decisions(@JsonProperty("NEW") long created, @JsonProperty("MATCHED") long matched,
            @JsonProperty("POSSIBLE") long possible) {
    }

    static ImportJobView of(ImportJobEntity job) {
        return new ImportJobView(job.id, job.status.name(), job.format, job.defaultSourceSystem, job.rowsRead, job.rowsStored,
                job.rowsUnchanged, job.rowsRejected, new Decisions(job.decidedNew, job.decidedMatched, job.decidedPossible),
                job.errorsReported, job.failure, job.submittedBy, job.createdAt, job.startedAt, job.finishedAt);
    }
}
