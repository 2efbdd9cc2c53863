package dev.panorama.routing.dispatch;

import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Stores planned offers in one statement: each task is locked (others' skipped) and taken only while it still waits
 * and its row is still the version the plan was made on; for exactly the tasks taken, the offer, the task's new state
 * and the {@code TaskOffered} event are written together. A plan made on tasks locked before passes the versions read
 * under that lock, so every task is taken; a plan made on a head read without locks (an agent's own pass, a round
 * once its agents are locked) passes the versions it read, and a task changed since (offered elsewhere, answered,
 * escalated, moved) is left out instead of being locked and read again first.
 */
@ApplicationScoped
public class OfferWrites {

    /**
     * Each step reads the one before, so they run in this order: the offers are inserted before the tasks change, and
     * an agent's stream hears of an offer before its task (the notices, from triggers, follow the rows' changes).
     *
     * <p>A task is taken by its primary key and row version alone: every version planned on was read waiting
     * ({@code state = 'QUEUED'}), and the same version still is. With a test of the state here the store read blocks
     * in proportion to the waiting tasks (672 for one or two offers with 10,000 waiting, 290 with 3,000): the planner
     * could reach the tasks through the partial indexes on waiting tasks, a walk over all of them.
     */
    private static final String STORE = "with taken as (select t.id from routing_task t"
            + " join unnest($1::uuid[], $2::text[]) as c(id, seen) on t.id = c.id"
            + " where t.xmin = c.seen::xid for update of t skip locked),"
            + " opened as (insert into task_offer (id, task_id, agent_id, status, offered_at, expires_at)"
            + " select o.id, o.task_id, o.agent_id, 'OPEN', $6, o.expires_at"
            + " from unnest($4::uuid[], $1::uuid[], $3::text[], $5::timestamptz[]) as o(id, task_id, agent_id, expires_at)"
            + " where o.task_id in (select id from taken) returning task_id),"
            + " offered as (update routing_task t set state = 'OFFERED', agent_id = o.agent_id, offered_at = $6, updated_at = $6"
            + " from unnest($1::uuid[], $3::text[]) as o(id, agent_id) where t.id = o.id and t.id in (select task_id from opened)"
            + " returning t.id),"
            + " announced as (insert into outbox_event (id, aggregate_id, topic, event_type, payload, created_at)"
            + " select e.id, e.subject, e.topic, e.event_type, e.payload::jsonb, $6"
            + " from unnest($1::uuid[], $7::uuid[], $8::uuid[], $9::text[], $10::text[], $11::text[])"
            + " as e(task_id, id, subject, topic, event_type, payload) where e.task_id in (select id from offered))"
            + " select id from offered";

    /** One offer to store: the task as planned on (its row version), the offer, and its event. */
    public record Planned(UUID taskId, String rowVersion, OfferStore.NewOffer offer, RoutingEvents.Pending event) {
    }

    private final RoutingEvents events;

    public OfferWrites(RoutingEvents events) {
        this.events = events;
    }

    /** Stores the offers whose tasks still wait as planned on; answers the tasks offered. */
    public Uni<Set<UUID>> store(SqlConnection connection, List<Planned> planned, Instant now) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        RoutingEvents.Columns announced = events.columns(planned.stream().map(Planned::event).toList());
        Tuple values = Tuple.tuple()
                .addArrayOfUUID(planned.stream().map(Planned::taskId).toArray(UUID[]::new))
                .addArrayOfString(planned.stream().map(Planned::rowVersion).toArray(String[]::new))
                .addArrayOfString(planned.stream().map(one -> one.offer().agentId()).toArray(String[]::new))
                .addArrayOfUUID(planned.stream().map(one -> one.offer().id()).toArray(UUID[]::new))
                .addArrayOfOffsetDateTime(planned.stream().map(one -> Rows.at(one.offer().expiresAt())).toArray(OffsetDateTime[]::new))
                .addOffsetDateTime(Rows.at(now))
                .addArrayOfUUID(announced.ids()).addArrayOfUUID(announced.subjects()).addArrayOfString(announced.topics())
                .addArrayOfString(announced.types()).addArrayOfString(announced.payloads());
        return connection.preparedQuery(STORE).execute(values).map(rows -> {
            Set<UUID> offered = new HashSet<>();
            rows.forEach(row -> offered.add(row.getUUID("id")));
            return offered;
        });
    }
}
