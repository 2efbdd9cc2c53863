package dev.panorama.identity.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.config.IdentityConfig;
import dev.panorama.identity.imports.persistence.ImportJobEntity;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes an upload in: a job RECEIVING while the file arrives, the CSV header checked before any row
 * is read, then the rows imported in the background (RUNNING) while the caller gets the job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final UploadSpool spool;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final IdentityConfig config;

    public ImportService(ImportJobs jobs, ImportRunner runner, UploadSpool spool, ObjectMapper json, Vertx vertx,
            IdentityConfig config) {
        this.jobs = jobs;
        this.runner = runner;
        this.spool = spool;
        this.json = json;
        this.vertx = vertx;
        this.config = config;
    }

    public Uni<ImportJobView> submit(ImportFormat format, String defaultSourceSystem, String submittedBy, HttpServerRequest upload) {
        return jobs.receiving(format, defaultSourceSystem, submittedBy).chain(job -> {
            long heartbeat = vertx.setPeriodic(config.imports().heartbeat().toMillis(),
                    ignored -> Detached.subscribe(vertx, () -> jobs.heartbeat(job.id)));
            return spool.receive(upload)
                    .chain(file -> open(job, file)
                            .chain(rows -> jobs.running(job.id)
                                    .onFailure().call(() -> discard(job.id, rows, file))
                                    .invoke(running -> start(running, rows, file, heartbeat))))
                    .onFailure().call(() -> {
                        vertx.cancelTimer(heartbeat);
                        return jobs.forget(job.id);
                    });
        }).map(ImportJobView::of);
    }

    private Uni<RowSource> open(ImportJobEntity job, Path file) {
        return VertxContextSupport.executeBlocking(() -> RowSources.open(ImportFormat.valueOf(job.format), file,
                        job.defaultSourceSystem != null, json))
                .onFailure().call(() -> spool.delete(file));
    }

    private void start(ImportJobEntity job, RowSource rows, Path file, long heartbeat) {
        LOG.infof("import %s started (%s)", job.id, job.format);
        Detached.subscribe(vertx, () -> runner.run(job, rows)
                .eventually(() -> {
                    vertx.cancelTimer(heartbeat);
                    return discard(job.id, rows, file);
                }));
    }

    /** The upload is not needed any more once its rows are read, or once it cannot be. */
    private Uni<Void> discard(UUID jobId, RowSource rows, Path file) {
        return VertxContextSupport.executeBlocking(() -> {
            close(jobId, rows);
            return null;
        }).chain(() -> spool.delete(file));
    }

    private static void close(UUID jobId, RowSource rows) {
        try {
            rows.close();
        } catch (IOException e) {
            LOG.debugf("import %s: closing its file failed (%s)", jobId, e.getClass().getSimpleName());
        }
    }
}
