package dev.panorama.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/** The outbox table: events are added inside business transactions and read back by the relay. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /**
     * The relay's turn, held until its pass's transaction ends: one pass at a time over the outbox, whichever replica
     * (or a replica's scheduled and nudged passes) runs it. Two passes at once would each take part of the unpublished
     * events, the second skipping the rows the first holds, and a customer's later event could then reach Kafka before
     * its earlier one; a pass that waits for its turn finds what the one before it left.
     */
    public static final String RELAY_TURN = "select true from pg_advisory_xact_lock(hashtextextended('panorama.outbox.relay', 0))";
    /**
     * The relay's statements go to the session's connection as they are written (prepared once per connection), not
     * through Hibernate's native queries: each of those added an entry to the query plan cache that no later call ever
     * matched (its result mapping is new every time), all under the same hash, so every look-up walked them all. Each
     * event comes with its row's physical address (ctid), which stays its own while this transaction holds its lock.
     */
    private static final String LOCK_OLDEST = "select cast(ctid as text), cast(id as text), cast(aggregate_id as text), topic,"
            + " event_type, payload, created_at from outbox_event order by created_at limit $1 for update skip locked";
    /**
     * One statement text for any number of events: an array parameter, not a list of placeholders, bound as text and
     * cast (the reactive driver refuses a string for any other type). Each row is reached by its address, without an
     * index look-up. Nothing else may be in the condition: a generic plan casts a parameter again for every row it
     * filters, and a check of the ids made a pass of 1,000 events parse their 1,000 ids 1,000 times (0.8 s).
     */
    private static final String DELETE_RELAYED = "delete from outbox_event where ctid = any(cast(cast($1 as text) as tid[]))";

    /** The oldest events not yet relayed, at most {@code limit} of them. */
    public Uni<List<OutboxEvent>> findUnpublished(int limit) {
        return findAll(Sort.by("createdAt")).page(0, limit).list();
    }

    /**
     * Like {@link #findUnpublished}, locked for this transaction, once it is the relay's turn ({@link #RELAY_TURN}). The
     * events are read as values, not as entities of the session.
     */
    public Uni<List<Locked>> lockUnpublished(int limit) {
        return Panache.getSession()
                .chain(session -> select(session, RELAY_TURN).chain(() -> select(session, LOCK_OLDEST, (long) limit)))
                .map(OutboxRepository::locked);
    }

    private static List<Locked> locked(ReactiveConnection.Result result) {
        List<Locked> events = new ArrayList<>(result.size());
        result.forEachRemaining(row -> events.add(new Locked((String) row[0], event(row))));
        return events;
    }

    /** A row of {@link #LOCK_OLDEST} as the event it holds. */
    private static OutboxEvent event(Object[] row) {
        return OutboxEvent.pending(UUID.fromString((String) row[1]), row[2] == null ? null : UUID.fromString((String) row[2]),
                (String) row[3], (String) row[4], compact(row[5]), ((OffsetDateTime) row[6]).toInstant());
    }

    /**
     * Deletes the events locked by {@link #lockUnpublished} in this transaction, in one statement; fails unless every
     * one of them was deleted, so that the transaction rolls back rather than forget any.
     */
    public Uni<Void> deleteRelayed(List<Locked> relayed) {
        if (relayed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Object[] parameters = {relayed.stream().map(locked -> '"' + locked.rowAddress() + '"')
                .collect(Collectors.joining(",", "{", "}"))};
        return Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(() -> connection(session).update(DELETE_RELAYED, parameters)))
                .chain(deleted -> deleted == relayed.size() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException(
                                "deleted " + deleted + " of the " + relayed.size() + " events relayed")));
    }

    /** An event locked for relaying, with its row's address in the table. */
    public record Locked(String rowAddress, OutboxEvent event) {
    }

    /**
     * The payload as compact JSON, as the entity read it before: the driver reads jsonb as a JSON value, while jsonb's own
     * text (a cast to text) puts a space after every colon and comma.
     */
    private static String compact(Object payload) {
        return Json.encode(payload);
    }

    private static Uni<ReactiveConnection.Result> select(Mutiny.Session session, String sql, Object... parameters) {
        return Uni.createFrom().completionStage(() -> connection(session).select(sql, parameters));
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl hibernate) {
            return hibernate.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass().getName());
    }
}
