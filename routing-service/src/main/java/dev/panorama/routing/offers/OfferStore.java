package dev.panorama.routing.offers;

import dev.panorama.events.channel.Channel;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The task_offer table. */
@ApplicationScoped
public class OfferStore {

    private static final String VIEW = "select o.id, o.task_id, o.agent_id, o.status, o.offered_at, o.expires_at,"
            + " o.closed_at, t.channel, t.queue_id, t.priority, t.subject, t.customer_id"
            + " from task_offer o join routing_task t on t.id = o.task_id";

    /** A new open offer, reserving a slot of the agent's capacity until it closes. */
    public record NewOffer(UUID id, UUID taskId, String agentId, Instant offeredAt, Instant expiresAt) {
    }

    /** The offers, open, in one statement whatever their number. */
    public Uni<Void> insert(SqlConnection connection, List<NewOffer> offers) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("insert into task_offer (id, task_id, agent_id, status, offered_at, expires_at)"
                        + " select id, task_id, agent_id, 'OPEN', offered_at, expires_at"
                        + " from unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[])"
                        + " as o(id, task_id, agent_id, offered_at, expires_at)")
                .execute(Tuple.of(offers.stream().map(NewOffer::id).toArray(UUID[]::new),
                        offers.stream().map(NewOffer::taskId).toArray(UUID[]::new),
                        offers.stream().map(NewOffer::agentId).toArray(String[]::new),
                        offers.stream().map(offer -> Rows.at(offer.offeredAt())).toArray(java.time.OffsetDateTime[]::new),
                        offers.stream().map(offer -> Rows.at(offer.expiresAt())).toArray(java.time.OffsetDateTime[]::new)))
                .replaceWithVoid();
    }

    public Uni<Optional<OfferView>> find(SqlConnection connection, UUID id) {
        return one(connection.preparedQuery(VIEW + " where o.id = $1").execute(Tuple.of(id)));
    }

    /** The offer, locked (after its agent). */
    public Uni<Optional<OfferView>> lock(SqlConnection connection, UUID id) {
        return one(connection.preparedQuery(VIEW + " where o.id = $1 for update of o").execute(Tuple.of(id)));
    }

    public Uni<List<OfferView>> openFor(SqlConnection connection, String agentId) {
        return many(connection.preparedQuery(VIEW + " where o.agent_id = $1 and o.status = 'OPEN' order by o.offered_at")
                .execute(Tuple.of(agentId)));
    }

    /** Every offer ever made for the task, oldest first. */
    public Uni<List<OfferView>> ofTask(SqlConnection connection, UUID taskId) {
        return many(connection.preparedQuery(VIEW + " where o.task_id = $1 order by o.offered_at").execute(Tuple.of(taskId)));
    }

    public Uni<Optional<OfferView>> openForTask(SqlConnection connection, UUID taskId) {
        return one(connection.preparedQuery(VIEW + " where o.task_id = $1 and o.status = 'OPEN' for update of o")
                .execute(Tuple.of(taskId)));
    }

    /** Open offers past their expiry (not locked: the sweeper locks each agent first). */
    public Uni<List<OfferView>> expiredOpen(SqlConnection connection, Instant now, int limit) {
        return many(connection.preparedQuery(VIEW + " where o.status = 'OPEN' and o.expires_at <= $1 order by o.expires_at limit $2")
                .execute(Tuple.of(Rows.at(now), limit)));
    }

    public Uni<Void> close(SqlConnection connection, UUID id, OfferStatus status, Instant now) {
        return connection.preparedQuery("update task_offer set status = $2, closed_at = $3 where id = $1 and status = 'OPEN'")
                .execute(Tuple.of(id, status.name(), Rows.at(now))).replaceWithVoid();
    }

    /** Withdraws every open offer of the agent; answers the tasks they were for. */
    public Uni<List<UUID>> withdrawAllOf(SqlConnection connection, String agentId, Instant now) {
        return connection.preparedQuery("update task_offer set status = 'WITHDRAWN', closed_at = $2"
                        + " where agent_id = $1 and status = 'OPEN' returning task_id")
                .execute(Tuple.of(agentId, Rows.at(now)))
                .map(rows -> {
                    List<UUID> tasks = new ArrayList<>();
                    rows.forEach(row -> tasks.add(row.getUUID("task_id")));
                    return tasks;
                });
    }

    private static OfferView view(Row row) {
        return new OfferView(row.getUUID("id"), row.getUUID("task_id"), row.getString("agent_id"),
                OfferStatus.valueOf(row.getString("status")), Channel.valueOf(row.getString("channel")),
                row.getString("queue_id"), row.getInteger("priority"), row.getString("subject"), row.getUUID("customer_id"),
                Rows.instant(row.getOffsetDateTime("offered_at")), Rows.instant(row.getOffsetDateTime("expires_at")),
                Rows.instant(row.getOffsetDateTime("closed_at")));
    }

    private static Uni<Optional<OfferView>> one(Uni<RowSet<Row>> query) {
        return query.map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static Uni<List<OfferView>> many(Uni<RowSet<Row>> query) {
        return query.map(rows -> {
            List<OfferView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }
}
