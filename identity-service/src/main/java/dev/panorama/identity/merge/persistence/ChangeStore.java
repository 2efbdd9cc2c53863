package dev.panorama.identity.merge.persistence;

import dev.panorama.identity.merge.RecordRef;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.LockMode;

/** Reads and writes of merges, splits and undos; every method runs in the caller's session. */
@ApplicationScoped
public class ChangeStore {

    /**
     * The customers a change involved (none if there is no such change), read without the change itself: a change is
     * locked after its customers ({@link #lockChange}), and read then as committed, not as the session kept it.
     */
    public Uni<List<UUID>> customersOf(UUID changeId) {
        return Panache.getSession().chain(session -> session
                .createQuery("select i.id.customerId from IdentityChangeCustomerEntity i where i.id.changeId = :change", UUID.class)
                .setParameter("change", changeId)
                .getResultList());
    }

    /** A change, locked so that two undos of it queue up and the second sees the first. */
    public Uni<IdentityChangeEntity> lockChange(UUID id) {
        return Panache.getSession().chain(session -> session.find(IdentityChangeEntity.class, id, LockMode.PESSIMISTIC_WRITE));
    }

    public Uni<IdentityChangeEntity> undoOf(UUID changeId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from IdentityChangeEntity where undoes = :change", IdentityChangeEntity.class)
                .setParameter("change", changeId)
                .getSingleResultOrNull());
    }

    public Uni<List<IdentityChangeEntity>> undosOf(Collection<UUID> changeIds) {
        if (changeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from IdentityChangeEntity where undoes in :changes", IdentityChangeEntity.class)
                .setParameter("changes", changeIds)
                .getResultList());
    }

    /** Every change involving the customer, newest first. */
    public Uni<List<IdentityChangeEntity>> historyOf(UUID customerId) {
        return Panache.getSession().chain(session -> session
                .createQuery("select c from IdentityChangeEntity c, IdentityChangeCustomerEntity i"
                        + " where i.id.changeId = c.id and i.id.customerId = :customer order by c.changedAt desc, c.id desc",
                        IdentityChangeEntity.class)
                .setParameter("customer", customerId)
                .getResultList());
    }

    /** Every change involving the customer or a customer merged into it, directly or through others. */
    public Uni<List<IdentityChangeEntity>> historyWithMergedOf(UUID customerId) {
        String sql = "with recursive merged(id) as (select cast(?1 as uuid) union select c.id from customer c"
                + " join merged m on c.merged_into = m.id)"
                + " select * from identity_change where id in (select i.change_id from identity_change_customer i"
                + " join merged m on i.customer_id = m.id)";
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, IdentityChangeEntity.class)
                .setParameter(1, customerId)
                .getResultList());
    }

    /** Moves every version of each source record to the customer: a record's history follows it. */
    public Uni<Void> moveSources(Collection<RecordRef> records, UUID toCustomer) {
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(record -> Panache.getSession().chain(session -> session
                        .createMutationQuery("update SourceRecordEntity set customerId = :to"
                                + " where sourceSystem = :system and sourceId = :id")
                        .setParameter("to", toCustomer)
                        .setParameter("system", record.sourceSystem())
                        .setParameter("id", record.sourceId())
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    /**
     * Sets every two of these customers apart: the change (a steward's split, or undone merge) said they are different
     * people, so a record matching two of them later links to one and merges nothing. A steward may still merge them.
     */
    public Uni<Void> keepApart(UUID changeId, List<UUID> customers) {
        List<KeptApartEntity> pairs = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            for (UUID other : customers.subList(i + 1, customers.size())) {
                pairs.add(KeptApartEntity.of(changeId, customers.get(i), other));
            }
        }
        return Panache.getSession().chain(session -> session.persistAll(pairs.toArray()));
    }

    public Uni<Void> persist(IdentityChangeEntity change, Collection<UUID> customerIds) {
        Object[] entities = Stream.concat(Stream.of(change),
                customerIds.stream().map(id -> IdentityChangeCustomerEntity.of(id, change.id))).toArray();
        return Panache.getSession().chain(session -> session.persistAll(entities));
    }
}
