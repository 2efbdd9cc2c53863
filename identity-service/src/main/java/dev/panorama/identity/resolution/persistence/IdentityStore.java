package dev.panorama.identity.resolution.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import dev.panorama.outbox.OutboxEvent;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/** Reads and writes of the identity graph in PostgreSQL; every method runs in the caller's session. */
@ApplicationScoped
public class IdentityStore {

    /**
     * Opens a resolution's transaction and has the rest of it use each prepared statement's generic plan, in one simple
     * query. PostgreSQL otherwise planned the resolution's statements afresh on most calls (a custom plan for a short key
     * array looks cheaper than the generic one), for the same index plans every time: the neighbourhood read about a
     * quarter of its CPU per record, and the version and key-lock statement, while it set this itself, 0.6 ms of
     * planning per record at 100,000 stored. Only this transaction is concerned: a look-up by a LIKE pattern, which
     * needs its pattern to use an index, is planned as before elsewhere.
     */
    private static final String BEGIN_WITH_GENERIC_PLANS =
            "begin; select set_config('plan_cache_mode', 'force_generic_plan', true)";

    /**
     * The recursive step of {@code absorbed(root, id)}: the customers merged into those found so far, each looked up
     * through the {@code customer_merged_into} index by the customer it was merged into. Written as a join (or a lateral
     * subquery, which the planner pulls up into one), the neighbourhood's generic plan hashed every merged customer
     * instead, 157 buffers per record at 100,000 stored and growing with the customers ever merged, whenever a branch of
     * {@link #keptApartAmongAbsorbed} needed the whole of {@code absorbed}; {@code offset 0} keeps the subquery a
     * subquery, run once per customer found.
     */
    private static final String MERGED_INTO_THEM = " union select a.root, c.id from absorbed a cross join lateral"
            + " (select c.id from customer c where c.merged_into = a.id and c.status = 'MERGED' offset 0) c";

    /** The rejected possible matches among the customers of {@code absorbed(root, id)}, as x and y. */
    private static final String REJECTED_AMONG_ABSORBED = " from review_item i join absorbed x on x.id = i.customer_id"
            + " join absorbed y on y.id = i.candidate_customer_id where i.status = 'REJECTED' and x.root <> y.root";

    /**
     * Rows ('P', root, other root, then {@code more}) for the pairs among the customers of the statement's
     * {@code absorbed(root, id)} that a data steward kept apart: a rejected possible match (review_item), and the customers
     * a split or an undone merge left (kept_apart). No record merges such a pair automatically; only a rejection also
     * stops a steward's merge ({@link #rejectedPairsAmong}). A branch per table, each on its own index.
     *
     * <p>A pair may come more than once (two of its rejections, say); the caller keeps each once. With {@code distinct}
     * here, each branch's generic plan sized a hash table by the join's estimate, and that estimate grew with the store
     * (an empty, never analysed {@code kept_apart} is assumed to hold pages of rows): in a run to 100,000 stored a
     * neighbourhood read allocated, zeroed and walked up to some 800 kB of empty buckets, a sixth of PostgreSQL's CPU
     * per resolved record, for a branch that almost always answers nothing.
     */
    private static String keptApartAmongAbsorbed(String more) {
        String pair = " union all (select 'P', cast(x.root as text), cast(y.root as text)" + more;
        return pair + REJECTED_AMONG_ABSORBED + ")"
                + pair + " from kept_apart k join absorbed x on x.id = k.customer_id"
                + " join absorbed y on y.id = k.other_customer_id where x.root <> y.root)";
    }

    /**
     * Where the statement that locks the keys leaves, for the rest of the transaction, the keys the neighbourhood is read
     * by: those chosen, if the record is to be resolved afresh (no version stored, or none current), else none.
     */
    private static final String NEIGHBOURHOOD_KEYS = "panorama.neighbourhood_keys";

    /**
     * The newest version of a source record (current or not: an erased record is no current one's), the keys chosen and
     * locked as {@link #lockKeysSql} chooses and locks them, and, if the record is to be resolved afresh, its
     * neighbourhood as {@link #neighbourhoodSql} reads it, in one round trip: a new record, a new version and a resend
     * all start with the version and the locks, and a new record, the common case, goes on with the neighbourhood. The
     * version is the one committed when the statement began, before it waited for any key's lock, as when it was read by
     * a statement of its own before the locks; the neighbourhood is read by a statement of its own, sent behind it
     * without waiting, so as committed once the locks are held. The first statement leaves the keys for the second in a
     * setting of the transaction ({@value #NEIGHBOURHOOD_KEYS}); a resend's second statement reads no key.
     */
    public Uni<VersionAndKeys> latestVersionLockingKeys(String sourceSystem, String sourceId, Collection<String> keys,
            int maxPerKey, int budget) {
        SqlParameters p = new SqlParameters();
        String sql = keys.isEmpty() ? latestVersionSql(p, sourceSystem, sourceId) + " select 'V', cast(null as text),"
                + " cast(null as boolean), cast(v.id as text), v.version, v.current, v.content_hash, cast(v.customer_id as text)"
                + " from v"
                : latestVersionSql(p, sourceSystem, sourceId) + ", blocks as (" + blockSizesSql(p, keys, maxPerKey) + "),"
                + " locked as (select * from " + lockKeysSql(maxPerKey, budget) + "),"
                + " handed as (select set_config('" + NEIGHBOURHOOD_KEYS + "', case when exists (select 1 from v where v.current)"
                + " then '{}' else coalesce((select cast(array_agg(key) as text) from locked where chosen), '{}') end, true))"
                + " select 'V', cast(null as text), cast(null as boolean), cast(v.id as text), v.version, v.current,"
                + " v.content_hash, cast(v.customer_id as text) from v"
                + " union all select 'K', locked.key, locked.chosen, null, null, null, null, null from locked"
                + " union all select 'F', blocks.key, cast(null as boolean), null, null, null, null, null from blocks"
                + " where blocks.size > " + maxPerKey
                + " union all select 'S', cast(null as text), cast(null as boolean), null, null, null, null, null from handed";
        return Panache.getSession().chain(session -> {
            ReactiveConnection connection = connection(session);
            // sent without waiting for their answers: the statements travel together, in order
            CompletionStage<ReactiveConnection.Result> versionAndKeys = connection.select(sql, p.array());
            if (keys.isEmpty()) {
                return Uni.createFrom().completionStage(() -> versionAndKeys.thenApply(
                        result -> VersionAndKeys.of(rows(result), new Neighbourhood(List.of(), Set.of()))));
            }
            CompletionStage<ReactiveConnection.Result> neighbourhood = connection.select(neighbourhoodSql(maxPerKey),
                    new Object[0]);
            return Uni.createFrom().completionStage(() -> versionAndKeys
                    .thenCombine(neighbourhood, (result, read) -> VersionAndKeys.of(rows(result), Neighbourhood.of(rows(read)))));
        });
    }

    private static String latestVersionSql(SqlParameters p, String sourceSystem, String sourceId) {
        return "with v as (select r.id, r.version, r.current, r.content_hash, r.customer_id from source_record r"
                + " where r.source_system = " + p.text(sourceSystem) + " and r.source_id = " + p.text(sourceId)
                + " order by r.version desc limit 1)";
    }

    /**
     * A source record's newest version as a resolution starts from it, those of the keys counted that more records share
     * than a block holds, and its neighbourhood through the keys chosen if it is to be resolved afresh (else empty). The
     * rows of the keys locked are read past: they are in the answer so the locks are taken whatever the version found.
     */
    public record VersionAndKeys(StoredVersion latest, Set<String> fullKeys, Neighbourhood neighbourhood) {
        static VersionAndKeys of(List<Object[]> rows, Neighbourhood neighbourhood) {
            StoredVersion latest = null;
            Set<String> full = new java.util.HashSet<>();
            for (Object[] row : rows) {
                String kind = String.valueOf(row[0]);
                if ("V".equals(kind)) {
                    latest = new StoredVersion(UUID.fromString((String) row[3]), ((Number) row[4]).intValue(),
                            Boolean.TRUE.equals(row[5]), (String) row[6], UUID.fromString((String) row[7]));
                } else if ("F".equals(kind)) {
                    full.add((String) row[1]);
                }
            }
            return new VersionAndKeys(latest, Set.copyOf(full), neighbourhood);
        }
    }

    /** What a resolution reads of a source record's newest version before deciding what to do with a new one. */
    public record StoredVersion(UUID id, int version, boolean current, String contentHash, UUID customerId) {
    }

    /**
     * Serialises resolutions that could touch the same customers, through a transaction-scoped advisory lock per
     * blocking key, taken in key order so two resolutions never wait on each other in a cycle. Blocks are sized by
     * {@link #blockSizesSql}. A key already shared by more than {@code maxPerKey} records is not locked: it can bring no
     * candidates to anyone (a block only grows as records arrive). Of the others, the blocks the record's candidates
     * come from are chosen as {@link dev.panorama.identity.matching.CandidateBlocks} chooses them (smallest first while
     * together they hold at most {@code budget} records, ties in key order) and locked exclusively; the rest are only
     * written to, and locked shared: resolutions that merely add records to one block (a common name in a town, say)
     * need not wait for each other, while one that reads a block waits for those writing to it and they for it. The rows
     * are the keys locked, those chosen marked: the only ones the resolution may then look candidates up by.
     *
     * <p>Planned generically, as the rest of the resolution's statements are: see {@link #BEGIN_WITH_GENERIC_PLANS}.
     */
    private static String lockKeysSql(int maxPerKey, int budget) {
        return "(select sized.key,"
                + " sized.chosen, case when sized.chosen then pg_advisory_xact_lock(hashtextextended(sized.key, 0))"
                + " else pg_advisory_xact_lock_shared(hashtextextended(sized.key, 0)) end"
                + " from (select b.key, sum(b.size) over (order by b.size, b.key collate \"C\") <= " + budget + " as chosen"
                + " from blocks b where b.size <= " + maxPerKey + ") sized"
                + " order by sized.key) locked";
    }

    /** Each key's block size, counted up to one over the cap: {@code blocks(key, size)}. */
    private static String blockSizesSql(SqlParameters p, Collection<String> keys, int maxPerKey) {
        return "select k.key, block.size from unnest(" + p.textArray(keys.stream().sorted().toList()) + ") k(key)"
                + " cross join lateral (select count(*) as size from (select 1 from blocking_key b where b.key = k.key limit "
                + (maxPerKey + 1) + ") held) block";
    }

    /**
     * The neighbourhood of a new record as committed when the statement begins, without row locks: for every record
     * sharing one of its blocking keys, every current record of that record's customer, as (record id, customer id,
     * normalised values), and the pairs among those customers that a data steward kept apart
     * ({@link #keptApartAmongAbsorbed}: a pair kept apart counts for the customers they were merged into since), in one
     * statement. Keys shared by more than {@code maxPerKey} records say too little to be worth
     * the comparisons and are skipped, so the cost stays flat as the store grows.
     *
     * <p>Resolutions sharing a block are serialised by the blocks' advisory locks, taken before this; a steward's
     * merge, split or rejection is not, and may commit after this read: the caller locks the customers its decision
     * links and checks them again ({@link #lockCustomersNow}). The keys are those the statement that took the locks
     * left in {@value #NEIGHBOURHOOD_KEYS}.
     */
    private static String neighbourhoodSql(int maxPerKey) {
        return "with recursive hits as (select k.key, b.record_id from unnest(cast(current_setting('" + NEIGHBOURHOOD_KEYS
                + "') as text[])) k(key)"
                + " cross join lateral (select record_id from blocking_key where key = k.key limit " + (maxPerKey + 1) + ") b),"
                + " useful as (select key from hits group by key having count(*) <= " + maxPerKey + "),"
                + " candidates as (select distinct record_id from hits where key in (select key from useful)),"
                + " customers as (select distinct r.customer_id as id from source_record r join candidates c on c.record_id = r.id"
                + " where r.current),"
                + " absorbed(root, id) as (select id, id from customers"
                + MERGED_INTO_THEM + ")"
                + " select 'R', cast(r.id as text), cast(r.customer_id as text), cast(r.normalised as text),"
                + " r.id in (select record_id from candidates)"
                + " from source_record r where r.current and r.customer_id in (select id from customers)"
                + keptApartAmongAbsorbed(", cast(null as text), false");
    }

    /** The records near a new one, and the pairs of their customers a steward kept apart. */
    public record Neighbourhood(List<Neighbour> neighbours, Set<List<UUID>> keptApart) {
        static Neighbourhood of(List<Object[]> rows) {
            List<Neighbour> neighbours = new ArrayList<>();
            List<List<UUID>> pairs = new ArrayList<>();
            for (Object[] row : rows) {
                if ("R".equals(String.valueOf(row[0]))) {
                    neighbours.add(new Neighbour(UUID.fromString((String) row[1]), UUID.fromString((String) row[2]),
                            (String) row[3], Boolean.TRUE.equals(row[4])));
                } else {
                    pairs.add(keptApartPair(row));
                }
            }
            return new Neighbourhood(List.copyOf(neighbours), Set.copyOf(pairs));
        }
    }

    /** A stored record near a new one: its customer, its normalised values, and whether it shares a key itself. */
    public record Neighbour(UUID recordId, UUID customerId, String normalised, boolean candidate) {
    }

    /**
     * Locks these customers until the transaction ends, in id order (so that resolutions and stewards working on
     * overlapping customers wait for each other instead of deadlocking), then reads them as committed once locked:
     * each one's status, the ids of their current records, and the pairs among them that a data steward kept apart
     * ({@link #keptApartAmongAbsorbed}). Two statements pipelined in one round trip: the second, a statement of its own,
     * takes its snapshot after the first has its locks, so it sees whatever a steward committed while the lock was
     * awaited.
     */
    public Uni<CustomersNow> lockCustomersNow(Collection<UUID> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(new CustomersNow(java.util.Map.of(), Set.of(), Set.of()));
        }
        SqlParameters lockParameters = new SqlParameters();
        String lock = "select cast(c.id as text), c.status from customer c where c.id = any("
                + lockParameters.uuidArray(customers) + ") order by c.id for update";
        SqlParameters p = new SqlParameters();
        String sql = "with recursive given(id) as (select v.id from unnest(" + p.uuidArray(customers) + ") v(id)),"
                + " absorbed(root, id) as (select id, id from given"
                + MERGED_INTO_THEM + ")"
                + " select 'R', cast(r.id as text), cast(null as text) from source_record r join given g on r.customer_id = g.id"
                + " where r.current"
                + keptApartAmongAbsorbed("");
        return Panache.getSession().chain(session -> {
            ReactiveConnection connection = connection(session);
            // sent without waiting for its answer: the second statement runs once the first holds its locks
            CompletionStage<ReactiveConnection.Result> locked = connection.select(lock, lockParameters.array());
            return Uni.createFrom().completionStage(() -> locked.thenCombine(connection.select(sql, p.array()),
                    (statuses, now) -> CustomersNow.of(rows(statuses), rows(now))));
        });
    }

    /** A row ('P', root, other root, ...) of {@link #keptApartAmongAbsorbed}, as the pair of customers it names. */
    private static List<UUID> keptApartPair(Object[] row) {
        return List.of(UUID.fromString((String) row[1]), UUID.fromString((String) row[2]));
    }

    /** Customers as committed once locked: their statuses, their current records, and the pairs among them a steward kept apart. */
    public record CustomersNow(java.util.Map<UUID, String> statuses, Set<UUID> currentRecords, Set<List<UUID>> keptApart) {
        static CustomersNow of(List<Object[]> statusRows, List<Object[]> rows) {
            java.util.Map<UUID, String> statuses = new java.util.HashMap<>();
            statusRows.forEach(row -> statuses.put(UUID.fromString((String) row[0]), (String) row[1]));
            Set<UUID> records = new java.util.HashSet<>();
            List<List<UUID>> pairs = new ArrayList<>();
            for (Object[] row : rows) {
                if ("R".equals(String.valueOf(row[0]))) {
                    records.add(UUID.fromString((String) row[1]));
                } else {
                    pairs.add(keptApartPair(row));
                }
            }
            return new CustomersNow(java.util.Map.copyOf(statuses), Set.copyOf(records), Set.copyOf(pairs));
        }
    }

    /**
     * A resolved record written in one statement: its new customer (if any), the record, the keys it is indexed under
     * (rows of the blocking index, and listed on the record's own row, where a new version or an erasure finds them), the
     * decision and the events for the outbox, instead of a round trip per table.
     */
    public Uni<Void> insertResolved(CustomerEntity newCustomer, SourceRecordEntity record, Collection<String> keys,
            MatchDecisionEntity decision, List<OutboxEvent> events) {
        SqlParameters p = new SqlParameters();
        List<String> parts = new ArrayList<>();
        if (newCustomer != null) {
            parts.add("insert into customer (id, status, created_at, updated_at) values (" + p.uuid(newCustomer.id) + ", "
                    + p.text(newCustomer.status.name()) + ", " + p.time(newCustomer.createdAt) + ", " + p.time(newCustomer.updatedAt)
                    + ")");
        }
        List<String> sortedKeys = keys.stream().sorted().toList();
        parts.add("insert into source_record (id, source_system, source_id, version, current, content_hash, payload, normalised,"
                + " customer_id, received_at, blocking_keys) values (" + p.uuid(record.id) + ", " + p.text(record.sourceSystem)
                + ", " + p.text(record.sourceId) + ", " + p.integer(record.version) + ", " + record.current + ", "
                + p.text(record.contentHash) + ", " + p.json(record.payload) + ", " + p.json(record.normalised) + ", "
                + p.uuid(record.customerId) + ", " + p.time(record.receivedAt) + ", " + p.textArray(sortedKeys) + ")");
        if (!keys.isEmpty()) {
            parts.add("insert into blocking_key (key, record_id) select k.key, " + p.uuid(record.id) + " from unnest("
                    + p.textArray(keys) + ") k(key)");
        }
        parts.add("insert into match_decision (id, record_id, customer_id, decision, probability, explanation, model_version,"
                + " decided_at) values (" + p.uuid(decision.id) + ", " + p.uuid(decision.recordId) + ", "
                + p.uuid(decision.customerId) + ", " + p.text(decision.decision) + ", " + p.number(decision.probability) + ", "
                + p.json(decision.explanation) + ", " + p.integer(decision.modelVersion) + ", " + p.time(decision.decidedAt) + ")");
        if (!events.isEmpty()) {
            parts.add("insert into outbox_event (id, aggregate_id, topic, event_type, payload, created_at) values "
                    + events.stream().map(event -> "(" + p.uuid(event.id) + ", " + p.uuid(event.aggregateId) + ", "
                            + p.text(event.topic) + ", " + p.text(event.eventType) + ", " + p.json(event.payload) + ", "
                            + p.time(event.createdAt) + ")").collect(Collectors.joining(", ")));
        }
        // the last insert is the statement, the others its sub-statements
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < parts.size() - 1; i++) {
            sql.append(i == 0 ? "with " : ", ").append("w").append(i).append(" as (").append(parts.get(i)).append(")");
        }
        sql.append(' ').append(parts.getLast());
        return Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(() -> connection(session).update(sql.toString(), p.array())))
                .replaceWithVoid();
    }

    private static List<Object[]> rows(ReactiveConnection.Result result) {
        List<Object[]> rows = new ArrayList<>(result.size());
        result.forEachRemaining(rows::add);
        return rows;
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl hibernate) {
            return hibernate.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
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
                + MERGED_INTO_THEM + ")"
                + " select distinct cast(x.root as text), cast(y.root as text)" + REJECTED_AMONG_ABSORBED;
        return Panache.getSession().chain(session -> bind(session.createNativeQuery(sql, Object[].class), ids).getResultList())
                .map(rows -> rows.stream().map(row -> List.of(UUID.fromString((String) row[0]), UUID.fromString((String) row[1])))
                        .toList());
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
     * committed: a customer merged meanwhile shows as MERGED. A query answers the session's own copy of an entity it
     * read earlier, as it was then, so the row's state comes beside it, and a copy that differs is read again.
     */
    public Uni<List<CustomerEntity>> lockCustomers(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("select c, c.status, c.mergedInto, c.updatedAt from CustomerEntity c where c.id in :ids order by c.id",
                        Object[].class)
                .setParameter("ids", ids)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getResultList()
                .chain(rows -> asCommitted(session, rows)));
    }

    private static Uni<List<CustomerEntity>> asCommitted(Mutiny.Session session, List<Object[]> rows) {
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> asCommitted(session, row))
                .collect().asList();
    }

    /** A row (customer, status, merged into, updated at) as locked: the customer, read again if its copy is older. */
    private static Uni<CustomerEntity> asCommitted(Mutiny.Session session, Object[] row) {
        CustomerEntity customer = (CustomerEntity) row[0];
        boolean stale = customer.status != row[1] || !java.util.Objects.equals(customer.mergedInto, row[2])
                || !java.util.Objects.equals(customer.updatedAt, row[3]);
        return stale ? session.refresh(customer).replaceWith(customer) : Uni.createFrom().item(customer);
    }

    /**
     * A record as committed now, for when another transaction may have changed it since it was read: reloaded even if
     * this session already holds it.
     */
    public Uni<SourceRecordEntity> recordNow(UUID id) {
        return Panache.getSession().chain(session -> session.find(SourceRecordEntity.class, id)
                .call(record -> record == null ? Uni.createFrom().voidItem() : session.refresh(record)));
    }

    public Uni<CustomerEntity> customer(UUID id) {
        return Panache.getSession().chain(session -> session.find(CustomerEntity.class, id));
    }

    /**
     * A record's version stops being current and leaves the blocking index, in one statement: its keys are those
     * listed on its row, and the list is emptied with them.
     */
    public Uni<Void> retireVersion(UUID recordId) {
        SqlParameters p = new SqlParameters();
        String id = p.uuid(recordId);
        String sql = "with listed as (select r.id, k.key from source_record r cross join unnest(r.blocking_keys) k(key)"
                + " where r.id = " + id + "),"
                + " removed as (delete from blocking_key b using listed l where b.key = l.key and b.record_id = l.id)"
                + " update source_record set current = false, blocking_keys = cast(array[] as text[]) where id = " + id;
        return Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(() -> connection(session).update(sql, p.array())))
                .replaceWithVoid();
    }

    /**
     * Moves the records of a merged customer, every version, to the survivor: current and old versions in a
     * statement each, so that each finds its rows through its own partial index instead of reading the table.
     */
    public Uni<Void> moveRecords(UUID fromCustomer, UUID toCustomer) {
        return moveVersions(fromCustomer, toCustomer, true).chain(() -> moveVersions(fromCustomer, toCustomer, false));
    }

    private Uni<Void> moveVersions(UUID fromCustomer, UUID toCustomer, boolean current) {
        return Panache.getSession().chain(session -> session
                .createMutationQuery("update SourceRecordEntity set customerId = :to where customerId = :from and current = "
                        + current)
                .setParameter("to", toCustomer).setParameter("from", fromCustomer)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> flush() {
        return Panache.getSession().chain(session -> session.flush());
    }

    /**
     * Opens a resolution's transaction ({@link #BEGIN_WITH_GENERIC_PLANS}) on the session's connection, sent at once:
     * the statements the resolution sends next travel behind it, in order, instead of a round trip after it. The answer
     * is the opening's outcome.
     */
    public Uni<Void> begin(Mutiny.Session session) {
        CompletionStage<Void> begun = connection(session).executeUnprepared(BEGIN_WITH_GENERIC_PLANS);
        return Uni.createFrom().completionStage(begun);
    }

    public Uni<Void> commit(Mutiny.Session session) {
        return Uni.createFrom().completionStage(() -> connection(session).executeUnprepared("commit"));
    }

    public Uni<Void> rollback(Mutiny.Session session) {
        return Uni.createFrom().completionStage(() -> connection(session).executeUnprepared("rollback"));
    }

    public Uni<Void> persistAll(Object... entities) {
        return Panache.getSession().chain(session -> session.persistAll(entities));
    }
}
