package dev.panorama.identity.review;

import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.hibernate.LockMode;

/** Reads and writes of review items; every method runs in the caller's session. */
@ApplicationScoped
public class ReviewStore {

    /** A review item with the source record it is about. */
    public record Row(ReviewItemEntity item, SourceRecordEntity record) {
    }

    /** Items of one status, oldest first, after the cursor position (exclusive) when there is one. */
    public Uni<List<Row>> page(ReviewItemEntity.Status status, ReviewCursor after, int limit) {
        String query = "select i, r from ReviewItemEntity i, SourceRecordEntity r where r.id = i.recordId and i.status = :status"
                + (after == null ? "" : " and (i.createdAt > :at or (i.createdAt = :at and i.id > :id))")
                + " order by i.createdAt, i.id";
        return Panache.getSession().chain(session -> {
            var select = session.createQuery(query, Object[].class).setParameter("status", status).setMaxResults(limit);
            if (after != null) {
                select.setParameter("at", after.createdAt()).setParameter("id", after.id());
            }
            return select.getResultList();
        }).map(rows -> rows.stream().map(row -> new Row((ReviewItemEntity) row[0], (SourceRecordEntity) row[1])).toList());
    }

    public Uni<Row> find(UUID id) {
        return Panache.getSession().chain(session -> session.find(ReviewItemEntity.class, id))
                .chain(item -> item == null ? Uni.createFrom().nullItem() : withRecord(item));
    }

    /** The item, locked so two stewards deciding it at once are served one after the other. */
    public Uni<Row> lock(UUID id) {
        return Panache.getSession().chain(session -> session.find(ReviewItemEntity.class, id, LockMode.PESSIMISTIC_WRITE))
                .chain(item -> item == null ? Uni.createFrom().nullItem() : withRecord(item));
    }

    public Uni<Void> persist(ReviewItemEntity item) {
        return Panache.getSession().chain(session -> session.persist(item));
    }

    private Uni<Row> withRecord(ReviewItemEntity item) {
        return Panache.getSession().chain(session -> session.find(SourceRecordEntity.class, item.recordId))
                .map(record -> new Row(item, record));
    }
}
