package dev.panorama.identity.resolution.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads and writes of the identity graph in PostgreSQL; every method runs in the caller's session. */
@ApplicationScoped
public class IdentityStore {

    public Uni<SourceRecordEntity> currentRecord(String sourceSystem, String sourceId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity where sourceSystem = :system and sourceId = :id and current = true",
                        SourceRecordEntity.class)
                .setParameter("system", sourceSystem).setParameter("id", sourceId)
                .getSingleResultOrNull());
    }

    /**
     * Serialises resolutions that could touch the same customers: a transaction-scoped advisory lock
     * per blocking key, taken in key order so two resolutions never wait on each other in a cycle.
     */
    public Uni<Void> lockKeys(Collection<String> keys) {
        return Multi.createFrom().iterable(keys.stream().sorted().toList())
                .onItem().transformToUniAndConcatenate(this::lockKey)
                .collect().last().replaceWithVoid();
    }

    private Uni<Object> lockKey(String key) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", key)
                .getSingleResult());
    }

    public Uni<List<SourceRecordEntity>> currentRecordsSharingKeys(Collection<String> keys) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity r where r.current = true and r.id in "
                        + "(select b.id.recordId from BlockingKeyEntity b where b.id.key in :keys)", SourceRecordEntity.class)
                .setParameter("keys", keys)
                .getResultList());
    }

    public Uni<List<SourceRecordEntity>> currentRecordsOf(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity where current = true and customerId in :customers order by receivedAt",
                        SourceRecordEntity.class)
                .setParameter("customers", customerIds)
                .getResultList());
    }

    public Uni<List<MatchDecisionEntity>> decisionsFor(Collection<UUID> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from MatchDecisionEntity where recordId in :records order by decidedAt", MatchDecisionEntity.class)
                .setParameter("records", recordIds)
                .getResultList());
    }

    public Uni<CustomerEntity> customer(UUID id) {
        return Panache.getSession().chain(session -> session.find(CustomerEntity.class, id));
    }

    public Uni<Void> removeKeysOf(UUID recordId) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("delete from BlockingKeyEntity b where b.id.recordId = :record")
                .setParameter("record", recordId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Moves the current records of a merged customer to the survivor. */
    public Uni<Void> moveRecords(UUID fromCustomer, UUID toCustomer) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update SourceRecordEntity set customerId = :to where customerId = :from")
                .setParameter("to", toCustomer).setParameter("from", fromCustomer)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    public Uni<Void> persistAll(Object... entities) {
        return Panache.getSession().chain(session -> session.persistAll(entities));
    }
}
