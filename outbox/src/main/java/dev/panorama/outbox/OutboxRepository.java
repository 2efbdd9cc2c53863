package dev.panorama.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outbox table: events are added inside business transactions and read back by the relay. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** The oldest events not yet relayed, at most {@code limit} of them. */
    public Uni<List<OutboxEvent>> findUnpublished(int limit) {
        return find("publishedAt is null", Sort.by("createdAt")).page(0, limit).list();
    }

    /**
     * Like {@link #findUnpublished}, locked for this transaction; rows another replica's relay holds
     * are skipped rather than waited for.
     */
    public Uni<List<OutboxEvent>> lockUnpublished(int limit) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select * from outbox_event where published_at is null order by created_at"
                        + " limit :limit for update skip locked", OutboxEvent.class)
                .setParameter("limit", limit)
                .setReadOnly(true)
                .getResultList());
    }

    /** Deletes at most {@code limit} events published before {@code cutoff}; answers how many. */
    public Uni<Integer> deletePublishedBefore(Instant cutoff, int limit) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from outbox_event where id in (select id from outbox_event"
                        + " where published_at < :cutoff limit :limit)")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    /** Marks the events published, in one statement. */
    public Uni<Integer> markPublished(List<UUID> ids, Instant at) {
        return ids.isEmpty() ? Uni.createFrom().item(0) : update("publishedAt = ?1 where id in ?2", at, ids);
    }
}
