package dev.panorama.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
     * matched (its result mapping is new every time), all under the same hash, so every look-up walked them all.
     */
    private static final String LOCK_UNPUBLISHED = "select cast(id as text), cast(aggregate_id as text), topic, event_type,"
            + " payload, created_at from outbox_event where published_at is null order by created_at"
            + " limit $1 for update skip locked";
    /**
     * One statement text for any number of events: an array parameter, not a list of placeholders. Parameters are
     * bound as text and cast: the reactive driver refuses a string for any other type.
     */
    private static final String MARK_PUBLISHED = "update outbox_event set published_at = cast(cast($1 as text) as timestamptz)"
            + " where id = any(cast(cast($2 as text) as uuid[]))";

    /** The oldest events not yet relayed, at most {@code limit} of them. */
    public Uni<List<OutboxEvent>> findUnpublished(int limit) {
        return find("publishedAt is null", Sort.by("createdAt")).page(0, limit).list();
    }

    /**
     * Like {@link #findUnpublished}, locked for this transaction, once it is the relay's turn ({@link #RELAY_TURN}). The
     * events are read as values, not as entities of the session.
     */
    public Uni<List<OutboxEvent>> lockUnpublished(int limit) {
        return Panache.getSession()
                .chain(session -> select(session, RELAY_TURN).chain(() -> select(session, LOCK_UNPUBLISHED, (long) limit)))
                .map(result -> {
                    List<OutboxEvent> events = new ArrayList<>(result.size());
                    result.forEachRemaining(row -> events.add(OutboxEvent.pending(UUID.fromString((String) row[0]),
                            row[1] == null ? null : UUID.fromString((String) row[1]), (String) row[2], (String) row[3],
                            compact(row[4]), ((OffsetDateTime) row[5]).toInstant())));
                    return events;
                });
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
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Object[] parameters = {at.truncatedTo(ChronoUnit.MICROS).toString(),
                ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"))};
        return Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(() -> connection(session).update(MARK_PUBLISHED, parameters)));
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
