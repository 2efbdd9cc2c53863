package dev.panorama.identity.imports;

import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.imports.persistence.ImportErrorEntity;
import dev.panorama.identity.imports.persistence.ImportJobEntity;
import dev.panorama.identity.imports.persistence.ImportStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The life of an import job in PostgreSQL: received, started, its progress saved, finished. */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);

    private final ImportStore store;
    private final IdentityConfig config;
    private final Clock clock = Clock.systemUTC();

    public ImportJobs(ImportStore store, IdentityConfig config) {
        this.store = store;
        this.config = config;
    }

    @WithTransaction
    public Uni<ImportJobEntity> receiving(ImportFormat format, String defaultSourceSystem, String submittedBy) {
        Instant now = clock.instant();
        ImportJobEntity job = new ImportJobEntity();
        job.id = TimeOrderedIds.next(now.toEpochMilli());
        job.status = ImportJobEntity.Status.RECEIVING;
        job.format = format.name();
        job.defaultSourceSystem = defaultSourceSystem;
        job.submittedBy = submittedBy;
        job.createdAt = now;
        job.heartbeatAt = now;
        return store.persistAll(job).replaceWith(job);
    }

    @WithTransaction
    public Uni<ImportJobEntity> running(UUID id) {
        return store.job(id).invoke(job -> {
            job.status = ImportJobEntity.Status.RUNNING;
            job.startedAt = clock.instant();
            job.heartbeatAt = job.startedAt;
        });
    }

    /** A file refused before any of its rows was read leaves no job behind. */
    @WithTransaction
    public Uni<Void> forget(UUID id) {
        return store.job(id).chain(job -> job == null ? Uni.createFrom().voidItem() : store.remove(job));
    }

    /** The counters so far and the errors found since the last save. */
    @WithTransaction
    public Uni<Void> save(UUID id, ImportProgress progress) {
        return store.job(id).chain(job -> {
            copy(progress, job);
            job.heartbeatAt = clock.instant();
            return store.persistAll(progress.takeUnsavedErrors().stream()
                    .map(error -> ImportErrorEntity.of(id, error.seq(), error.row(), error.field(), error.message()))
                    .toArray());
        });
    }

    @WithTransaction
    public Uni<Void> finish(UUID id, ImportProgress progress, ImportJobEntity.Status status, String failure) {
        return save(id, progress).chain(() -> store.job(id)).invoke(job -> {
            job.status = status;
            job.failure = failure;
            job.finishedAt = clock.instant();
        }).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> heartbeat(UUID id) {
        return store.heartbeat(id, clock.instant());
    }

    /**
     * Jobs left RECEIVING or RUNNING by a process that stopped (at start-up and then every heartbeat
     * period): their heartbeat is older than the stale limit, which a live process never lets happen.
     */
    @Scheduled(every = "${panorama.identity.imports.heartbeat:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> interruptAbandoned() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> store.interruptStale(now.minus(config.imports().staleAfter()), now))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.warnf("%d import job(s) marked INTERRUPTED: their process stopped", count);
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Could not look for abandoned import jobs: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private static void copy(ImportProgress progress, ImportJobEntity job) {
        job.rowsRead = progress.rowsRead;
        job.rowsStored = progress.rowsStored;
        job.rowsUnchanged = progress.rowsUnchanged;
        job.rowsRejected = progress.rowsRejected;
        job.decidedNew = progress.decidedNew;
        job.decidedMatched = progress.decidedMatched;
        job.decidedPossible = progress.decidedPossible;
        job.errorsReported = progress.errorsReported;
    }
}
