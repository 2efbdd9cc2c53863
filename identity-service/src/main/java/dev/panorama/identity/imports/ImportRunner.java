package dev.panorama.identity.imports;

import dev.panorama.events.source.SourceRecord;
import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.imports.persistence.ImportJobEntity;
import dev.panorama.identity.records.SourceRecordMapper;
import dev.panorama.identity.records.SourceRecordRequest;
import dev.panorama.identity.resolution.RecordResolution;
import dev.panorama.identity.resolution.ResolutionService;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.kit.problem.Problem;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Imports the rows of one file in file order (a later row may match an earlier one), each row on the
 * path {@code POST /api/v1/identity/records} takes and in its own transaction, so a refused row never
 * undoes another. One row at a time: a job holds at most one database connection and leaves the
 * event loop between rows, so requests keep being served while it runs.
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);

    private final ResolutionService resolution;
    private final ImportJobs jobs;
    private final OutboxRelay relay;
    private final Validator validator;
    private final IdentityConfig config;

    public ImportRunner(ResolutionService resolution, ImportJobs jobs, OutboxRelay relay, Validator validator, IdentityConfig config) {
        this.resolution = resolution;
        this.jobs = jobs;
        this.relay = relay;
        this.validator = validator;
        this.config = config;
    }

    /** Runs the job to its end and records how it ended; must be subscribed on a Vert.x context of its own. */
    public Uni<Void> run(ImportJobEntity job, RowSource rows) {
        ImportProgress progress = new ImportProgress(config.imports().maxReportedErrors());
        return batches(job, rows, progress)
                .chain(() -> jobs.finish(job.id, progress, progress.anyRejected()
                        ? ImportJobEntity.Status.COMPLETED_WITH_ERRORS : ImportJobEntity.Status.COMPLETED, null))
                .invoke(() -> LOG.infof("import %s finished: %d rows read, %d stored, %d unchanged, %d rejected", job.id,
                        progress.rowsRead, progress.rowsStored, progress.rowsUnchanged, progress.rowsRejected))
                .onFailure().recoverWithUni(failure -> failed(job.id, progress, failure));
    }

    private Uni<Void> batches(ImportJobEntity job, RowSource rows, ImportProgress progress) {
        return VertxContextSupport.executeBlocking(() -> rows.next(config.imports().batchSize()))
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().voidItem()
                        : importAll(batch, job, progress)
                                .chain(() -> jobs.save(job.id, progress))
                                .invoke(relay::nudge)
                                .chain(() -> batches(job, rows, progress)));
    }

    private Uni<Void> importAll(List<ImportRow> batch, ImportJobEntity job, ImportProgress progress) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(row -> importRow(row, job, progress))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> importRow(ImportRow row, ImportJobEntity job, ImportProgress progress) {
        return switch (row) {
            case ImportRow.Unreadable unreadable -> rejected(progress, row.number(), unreadable.errors());
            case ImportRow.Readable readable -> {
                SourceRecordRequest request = withSourceSystem(readable.request(), job.defaultSourceSystem);
                List<Problem.FieldError> invalid = validate(request);
                if (!invalid.isEmpty()) {
                    yield rejected(progress, row.number(), invalid);
                }
                SourceRecord record;
                try {
                    record = SourceRecordMapper.toSourceRecord(request, Instant.now());
                } catch (InvalidInputException e) {
                    yield rejected(progress, row.number(), e.errors());
                } catch (RuntimeException unforeseen) {
                    // one row the checks above let through must not stop the rows after it
                    LOG.warnf("import %s: row %d could not be read (%s)", job.id, row.number(), unforeseen.getClass().getSimpleName());
                    yield rejected(progress, row.number(), List.of(new Problem.FieldError(null, "could not be read as a record")));
                }
                yield store(record, row.number(), job.id, progress);
            }
        };
    }

    private Uni<Void> store(SourceRecord record, long row, UUID jobId, ImportProgress progress) {
        return Uni.createFrom().deferred(() -> resolution.ingest(record))
                .onFailure().retry().atMost(1)
                .invoke(resolved -> count(resolved, progress))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("import %s: row %d could not be stored (%s)", jobId, row, failure.getClass().getSimpleName());
                    return rejected(progress, row, List.of(new Problem.FieldError(null,
                            "could not be stored just now; posting the file again retries it")));
                });
    }

    private static void count(RecordResolution resolved, ImportProgress progress) {
        if (resolved.stored()) {
            progress.stored(resolved.decision());
        } else {
            progress.unchanged();
        }
    }

    private static Uni<Void> rejected(ImportProgress progress, long row, List<Problem.FieldError> errors) {
        progress.rejected(row, errors);
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> failed(UUID jobId, ImportProgress progress, Throwable failure) {
        String reason = failure instanceof RowSource.UnreadableFile unreadable ? unreadable.getMessage()
                : "the import stopped after row " + progress.rowsRead + " on an internal error; posting the file again is safe";
        LOG.warnf("import %s failed: %s (%s)", jobId, reason, failure.getClass().getSimpleName());
        return jobs.finish(jobId, progress, ImportJobEntity.Status.FAILED, reason);
    }

    private List<Problem.FieldError> validate(SourceRecordRequest request) {
        return validator.validate(request).stream()
                .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /** A violation's place in the record's JSON shape: {@code emails[1]}, {@code addresses[0].postcode}. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    /** A row without a source system takes the one the upload named. */
    static SourceRecordRequest withSourceSystem(SourceRecordRequest request, String fallback) {
        if (fallback == null || (request.sourceSystem() != null && !request.sourceSystem().isBlank())) {
            return request;
        }
        return new SourceRecordRequest(fallback, request.sourceId(), request.name(), request.dateOfBirth(), request.emails(),
                request.phones(), request.addresses(), request.identifiers());
    }
}
