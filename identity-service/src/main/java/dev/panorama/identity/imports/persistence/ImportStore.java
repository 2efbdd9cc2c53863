package dev.panorama.identity.imports.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Import jobs and their error reports in PostgreSQL; every method runs in the caller's session. */
@ApplicationScoped
public class ImportStore {

    public Uni<ImportJobEntity> job(UUID id) {
        return Panache.getSession().chain(session -> session.find(ImportJobEntity.class, id));
    }

    /** Newest first; {@code before} is the last id of the previous page (ids are time-ordered), null for the first. */
    public Uni<List<ImportJobEntity>> jobs(UUID before, int limit) {
        String where = before == null ? "" : " where id < :before";
        return Panache.getSession().chain(session -> {
            var query = session.createQuery("from ImportJobEntity" + where + " order by id desc", ImportJobEntity.class)
                    .setMaxResults(limit);
            if (before != null) {
                query.setParameter("before", before);
            }
            return query.getResultList();
        });
    }

    /** In row order, after the entry {@code afterSeq}. */
    public Uni<List<ImportErrorEntity>> errors(UUID jobId, int afterSeq, int limit) {
        return Panache.getSession().chain(session -> session
                .createQuery("from ImportErrorEntity where id.jobId = :job and id.seq > :after order by id.seq", ImportErrorEntity.class)
                .setParameter("job", jobId).setParameter("after", afterSeq)
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<Void> persistAll(Object... entities) {
        return Panache.getSession().chain(session -> session.persistAll(entities));
    }

    public Uni<Void> remove(ImportJobEntity job) {
        return Panache.getSession().chain(session -> session.remove(job));
    }

    public Uni<Void> heartbeat(UUID jobId, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNamedQuery(ImportJobEntity.HEARTBEAT)
                .setParameter("now", now).setParameter("id", jobId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Jobs whose process stopped answering for them (no heartbeat since {@code staleBefore}) are marked interrupted. */
    public Uni<Integer> interruptStale(Instant staleBefore, Instant now) {
        return Panache.getSession().chain(session -> session
                .createNamedQuery(ImportJobEntity.INTERRUPT_STALE)
                .setParameter("interrupted", ImportJobEntity.Status.INTERRUPTED)
                .setParameter("unfinished", List.of(ImportJobEntity.Status.RECEIVING, ImportJobEntity.Status.RUNNING))
                .setParameter("now", now).setParameter("stale", staleBefore)
                .executeUpdate());
    }
}
