package dev.panorama.identity.verification.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads and writes of verification factors, lock state and the attempt trail; every method runs in the caller's session. */
@ApplicationScoped
public class VerificationStore {

    /** The customer and every customer merged into it, directly or through other merges. */
    public Uni<List<UUID>> mergedGroup(UUID survivorId) {
        String sql = "with recursive grp(id) as (select cast(?1 as uuid)"
                + " union select c.id from customer c join grp g on c.merged_into = g.id)"
                + " select cast(id as text) from grp";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, String.class)
                        .setParameter(1, survivorId.toString())
                        .getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    public Uni<List<VerificationFactorEntity>> factorsOf(Collection<UUID> customerIds) {
        return Panache.getSession().chain(session -> session
                .createQuery("from VerificationFactorEntity where id.customerId in :customers", VerificationFactorEntity.class)
                .setParameter("customers", customerIds)
                .getResultList());
    }

    /** Sets or replaces one factor; an upsert, so two concurrent settings of one factor cannot collide. */
    public Uni<Void> putFactor(UUID customerId, String factor, String hash, Instant setAt) {
        String sql = "insert into verification_factor (customer_id, factor, hash, set_at) values (cast(?1 as uuid), ?2, ?3, ?4)"
                + " on conflict (customer_id, factor) do update set hash = excluded.hash, set_at = excluded.set_at";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                        .setParameter(1, customerId.toString()).setParameter(2, factor).setParameter(3, hash)
                        .setParameter(4, setAt)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The customer's lock state, row-locked until the transaction ends: concurrent attempts on one customer
     * queue here, so each sees the failures of the ones before it.
     */
    public Uni<VerificationLockEntity> lockStateForUpdate(UUID customerId, Instant now) {
        String sql = "insert into verification_lock (customer_id, failures, updated_at) values (cast(?1 as uuid), 0, ?2)"
                + " on conflict (customer_id) do nothing";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql)
                .setParameter(1, customerId.toString()).setParameter(2, now)
                .executeUpdate()
                .chain(() -> session.find(VerificationLockEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE)));
    }

    public Uni<Void> record(VerificationAttemptEntity attempt) {
        return Panache.getSession().chain(session -> session.persist(attempt));
    }

    /** Newest first, starting after the (time, id) of the cursor when given; one more than asked tells whether more follow. */
    public Uni<List<VerificationAttemptEntity>> attempts(Collection<UUID> customerIds, Instant beforeTime, UUID beforeId,
            int limit) {
        String after = beforeTime == null ? ""
                : " and (attemptedAt < :time or (attemptedAt = :time and id < :id))";
        return Panache.getSession().chain(session -> {
            var query = session.createQuery("from VerificationAttemptEntity where customerId in :customers" + after
                            + " order by attemptedAt desc, id desc", VerificationAttemptEntity.class)
                    .setParameter("customers", customerIds)
                    .setMaxResults(limit);
            if (beforeTime != null) {
                query.setParameter("time", beforeTime).setParameter("id", beforeId);
            }
            return query.getResultList();
        });
    }

    /** Removes the factors and lock state of these customers (erasure); attempts stay, they hold no answers. */
    public Uni<Void> eraseFactorsAndLocks(Collection<UUID> customerIds) {
        return Panache.getSession().chain(session -> session
                        .createMutationQuery("delete from VerificationFactorEntity where id.customerId in :customers")
                        .setParameter("customers", customerIds).executeUpdate()
                        .chain(() -> session.createMutationQuery("delete from VerificationLockEntity where customerId in :customers")
                                .setParameter("customers", customerIds).executeUpdate()))
                .replaceWithVoid();
    }
}
