package dev.panorama.identity.resolution.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.LockMode;

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

    /** The newest version of a source record, current or not (an erased record is no current one's). */
    public Uni<SourceRecordEntity> latestVersion(String sourceSystem, String sourceId) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity where sourceSystem = :system and sourceId = :id order by version desc",
                        SourceRecordEntity.class)
                .setParameter("system", sourceSystem).setParameter("id", sourceId)
                .setMaxResults(1)
                .getSingleResultOrNull());
    }

    /**
     * Serialises resolutions that could touch the same customers: a transaction-scoped advisory lock
     * per blocking key, taken in key order so two resolutions never wait on each other in a cycle.
     */
    public Uni<Void> lockKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> sorted = keys.stream().sorted().toList();
        String sql = "select count(*) from (select pg_advisory_xact_lock(hashtextextended(k.key, 0)) from "
                + values(sorted.size()) + " k(key) order by k.key) locked";
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql), sorted).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * The neighbourhood of a new record: for every record sharing one of its blocking keys, every current
     * record of that record's customer, as (record id, customer id, normalised values). Keys shared by
     * more than {@code maxPerKey} records say too little to be worth the comparisons and are skipped, so
     * the cost stays flat as the store grows.
     */
    public Uni<List<Neighbour>> neighbourhood(Collection<String> keys, int maxPerKey) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ordered = List.copyOf(keys);
        String sql = "with hits as (select k.key, b.record_id from " + values(ordered.size()) + " k(key)"
                + " cross join lateral (select record_id from blocking_key where key = k.key limit " + (maxPerKey + 1) + ") b),"
                + " useful as (select key from hits group by key having count(*) <= " + maxPerKey + "),"
                + " candidates as (select distinct record_id from hits where key in (select key from useful)),"
                + " customers as (select distinct r.customer_id from source_record r join candidates c on c.record_id = r.id"
                + " where r.current)"
                + " select cast(r.id as text), cast(r.customer_id as text), cast(r.normalised as text),"
                + " r.id in (select record_id from candidates)"
                + " from source_record r join customers c on c.customer_id = r.customer_id where r.current";
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, Object[].class), ordered).getResultList())
                .map(rows -> rows.stream().map(Neighbour::of).toList());
    }

    /**
     * The pairs among these customers that a data steward rejected as one person: a rejection of any two
     * customers that were merged into them since counts for them. Each pair is answered once per order.
     */
    public Uni<List<List<UUID>>> rejectedPairsAmong(Collection<UUID> customers) {
        if (customers.size() < 2) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = customers.stream().map(UUID::toString).sorted().toList();
        String sql = "with recursive absorbed(root, id) as (select cast(s.id as uuid), cast(s.id as uuid) from "
                + values(ids.size()) + " s(id)"
                + " union select a.root, c.id from customer c join absorbed a on c.merged_into = a.id and c.status = 'MERGED')"
                + " select distinct cast(x.root as text), cast(y.root as text) from review_item i"
                + " join absorbed x on x.id = i.customer_id join absorbed y on y.id = i.candidate_customer_id"
                + " where i.status = 'REJECTED' and x.root <> y.root";
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, Object[].class), ids).getResultList())
                .map(rows -> rows.stream().map(row -> List.of(UUID.fromString((String) row[0]), UUID.fromString((String) row[1])))
                        .toList());
    }

    /** A stored record near a new one: its customer, its normalised values, and whether it shares a key itself. */
    public record Neighbour(UUID recordId, UUID customerId, String normalised, boolean candidate) {
        static Neighbour of(Object[] row) {
            return new Neighbour(UUID.fromString((String) row[0]), UUID.fromString((String) row[1]), (String) row[2],
                    Boolean.TRUE.equals(row[3]));
        }
    }

    private static String values(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "(cast(?" + i + " as text))")
                .collect(java.util.stream.Collectors.joining(",", "(values ", ")"));
    }

    private static <Q extends org.hibernate.reactive.mutiny.Mutiny.SelectionQuery<?>> Q bind(Q query, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    public Uni<List<SourceRecordEntity>> currentRecordsSharingKeys(Collection<String> keys) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity r where r.current = true and r.id in "
                        + "(select b.id.recordId from BlockingKeyEntity b where b.id.key in :keys)", SourceRecordEntity.class)
                .setParameter("keys", keys)
                .getResultList());
    }

    /** The current records carrying an identifier key, or the same identifier with any issuer (a LIKE pattern, escaped by backslash). */
    public Uni<List<SourceRecordEntity>> currentRecordsWithIdentifierKey(String key, String issuedKeyPattern) {
        return Panache.getSession().chain(session -> session
                .createQuery("from SourceRecordEntity r where r.current = true and r.id in (select b.id.recordId from"
                        + " BlockingKeyEntity b where b.id.key = :key or b.id.key like :issued escape '\\')", SourceRecordEntity.class)
                .setParameter("key", key)
                .setParameter("issued", issuedKeyPattern)
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

    /**
     * Customers locked until the transaction ends, taken in id order, so that resolutions and stewards
     * working on overlapping customers wait for each other instead of deadlocking. Each comes as last
     * committed: a customer merged meanwhile shows as MERGED.
     */
    public Uni<List<CustomerEntity>> lockCustomers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from CustomerEntity where id in :ids order by id", CustomerEntity.class)
                .setParameter("ids", ids)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList());
    }

    /** The ids of the current records of these customers, as committed now (not as this session last saw them). */
    public Uni<Set<UUID>> currentRecordIdsOf(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> ids = customerIds.stream().map(UUID::toString).toList();
        String sql = "select cast(r.id as text) from source_record r join " + values(ids.size())
                + " c(id) on r.customer_id = cast(c.id as uuid) where r.current";
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, String.class), ids).getResultList())
                .map(rows -> rows.stream().map(UUID::fromString).collect(Collectors.toSet()));
    }

    /** Reloads a record from the database, for when another transaction may have changed it since it was read. */
    public Uni<SourceRecordEntity> refresh(SourceRecordEntity record) {
        return Panache.getSession().chain(session -> session.refresh(record)).replaceWith(record);
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
