package dev.panorama.routing.agents;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The agent, agent_skill and agent_capacity tables. */
@ApplicationScoped
public class AgentStore {

    static final String COLUMNS = "id, display_name, presence, presence_reason, presence_since, wrap_up_until,"
            + " idle_since, missed_offers";

    /** The agent row, locked for this transaction (agents are always locked before their tasks and offers). */
    public record Locked(String id, AgentPresence presence, Instant wrapUpUntil, int missedOffers) {
    }

    /** Creates the agent with the given capacity if it does not exist yet; answers whether it did. */
    public Uni<Boolean> createIfAbsent(SqlConnection connection, String id, String subject, String displayName,
            Map<Channel, Integer> capacity, Instant now) {
        return connection.preparedQuery("insert into agent (id, keycloak_subject, display_name, presence, presence_since,"
                        + " created_at, updated_at) values ($1, $2, $3, 'OFFLINE', $4, $4, $4) on conflict (id) do nothing")
                .execute(Tuple.of(id, subject, displayName, Rows.at(now)))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : replaceCapacity(connection, id, capacity).replaceWith(true));
    }

    private static final String LOCK = "select id, presence, wrap_up_until, missed_offers from agent where id = ";

    public Uni<Optional<Locked>> lock(SqlConnection connection, String id) {
        return locked(connection.preparedQuery(LOCK + "$1 for update").execute(Tuple.of(id)));
    }

    /**
     * The agent an offer was made to, locked; found and locked by one statement (an offer's agent never changes).
     * Empty when there is no such offer.
     */
    public Uni<Optional<Locked>> lockOfferAgent(SqlConnection connection, UUID offerId) {
        return locked(connection.preparedQuery(LOCK + "(select agent_id from task_offer where id = $1) for update")
                .execute(Tuple.of(offerId)));
    }

    /**
     * The agent a task is offered to or held by, as the statement found it, locked in the same statement. Empty when
     * the task has no agent or does not exist; the caller locks the task after it and checks the task still names
     * this agent, since another transaction may have changed it between the two.
     */
    public Uni<Optional<Locked>> lockTaskAgent(SqlConnection connection, UUID taskId) {
        return locked(connection.preparedQuery(LOCK + "(select agent_id from routing_task where id = $1) for update")
                .execute(Tuple.of(taskId)));
    }

    private static Uni<Optional<Locked>> locked(Uni<RowSet<Row>> query) {
        return query.map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(locked(rows.iterator().next())));
    }

    public Uni<Void> update(SqlConnection connection, String id, String displayName, Instant now) {
        return connection.preparedQuery("update agent set display_name = $2, updated_at = $3 where id = $1")
                .execute(Tuple.of(id, displayName, Rows.at(now))).replaceWithVoid();
    }

    public Uni<Void> replaceSkills(SqlConnection connection, String id, List<AgentView.SkillLevel> skills) {
        Uni<?> cleared = connection.preparedQuery("delete from agent_skill where agent_id = $1").execute(Tuple.of(id));
        if (skills.isEmpty()) {
            return cleared.replaceWithVoid();
        }
        List<Tuple> rows = skills.stream().map(level -> Tuple.of(id, level.skill(), (short) level.proficiency())).toList();
        return cleared.chain(() -> connection.preparedQuery(
                "insert into agent_skill (agent_id, skill, proficiency) values ($1, $2, $3)").executeBatch(rows)).replaceWithVoid();
    }

    public Uni<Void> replaceCapacity(SqlConnection connection, String id, Map<Channel, Integer> capacity) {
        Uni<?> cleared = connection.preparedQuery("delete from agent_capacity where agent_id = $1").execute(Tuple.of(id));
        if (capacity.isEmpty()) {
            return cleared.replaceWithVoid();
        }
        List<Tuple> rows = capacity.entrySet().stream().map(entry -> Tuple.of(id, entry.getKey().name(), entry.getValue())).toList();
        return cleared.chain(() -> connection.preparedQuery(
                "insert into agent_capacity (agent_id, channel, capacity) values ($1, $2, $3)").executeBatch(rows)).replaceWithVoid();
    }

    /**
     * An agent who becomes available is idle from now ("longest idle" counts from when it last took a task or became
     * available); one who already was keeps its idle time.
     */
    public Uni<Void> setPresence(SqlConnection connection, String id, AgentPresence presence, String reason,
            Instant wrapUpUntil, Instant now) {
        // the presence read on the right is the row's before this update
        String idle = presence == AgentPresence.AVAILABLE
                ? ", idle_since = case when presence = 'AVAILABLE' then idle_since else $5 end" : "";
        return connection.preparedQuery("update agent set presence = $2, presence_reason = $3, wrap_up_until = $4,"
                        + " presence_since = $5, updated_at = $5" + idle + (presence == AgentPresence.AVAILABLE ? ", missed_offers = 0" : "")
                        + " where id = $1")
                .execute(Tuple.of(id, presence.name(), reason, Rows.at(wrapUpUntil), Rows.at(now))).replaceWithVoid();
    }

    public Uni<Void> setMissedOffers(SqlConnection connection, String id, int missed) {
        return connection.preparedQuery("update agent set missed_offers = $2 where id = $1").execute(Tuple.of(id, missed))
                .replaceWithVoid();
    }

    public Uni<Optional<AgentView>> view(SqlConnection connection, String id) {
        return connection.preparedQuery("select " + COLUMNS + " from agent where id = $1").execute(Tuple.of(id))
                .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(Optional.<AgentView>empty())
                        : views(connection, List.of(rows.iterator().next())).map(views -> Optional.of(views.getFirst())));
    }

    /** One page of agents by id, after {@code cursor} (exclusive). */
    public Uni<List<AgentView>> page(SqlConnection connection, String cursor, int limit) {
        return connection.preparedQuery("select " + COLUMNS + " from agent where $1::text is null or id > $1 order by id limit $2")
                .execute(Tuple.of(cursor, limit))
                .chain(rows -> views(connection, Rows.list(rows)));
    }

    private Uni<List<AgentView>> views(SqlConnection connection, List<Row> agents) {
        String[] ids = agents.stream().map(row -> row.getString("id")).toArray(String[]::new);
        Uni<Map<String, List<AgentView.SkillLevel>>> skills = connection.preparedQuery(
                        "select agent_id, skill, proficiency from agent_skill where agent_id = any($1) order by skill")
                .execute(Tuple.of(ids)).map(rows -> {
                    Map<String, List<AgentView.SkillLevel>> byAgent = new HashMap<>();
                    rows.forEach(row -> byAgent.computeIfAbsent(row.getString("agent_id"), k -> new ArrayList<>())
                            .add(new AgentView.SkillLevel(row.getString("skill"), row.getInteger("proficiency"))));
                    return byAgent;
                });
        Uni<Map<String, Map<Channel, Integer>>> capacity = perChannel(connection,
                "select agent_id, channel, capacity as n from agent_capacity where agent_id = any($1)", ids);
        Uni<Map<String, Map<Channel, Integer>>> load = perChannel(connection, LOAD, ids);
        return Uni.combine().all().unis(skills, capacity, load).asTuple().map(all -> agents.stream().map(row -> {
            String id = row.getString("id");
            return new AgentView(id, row.getString("display_name"), AgentPresence.valueOf(row.getString("presence")),
                    row.getString("presence_reason"), Rows.instant(row.getOffsetDateTime("presence_since")),
                    Rows.instant(row.getOffsetDateTime("wrap_up_until")), all.getItem1().getOrDefault(id, List.of()),
                    all.getItem2().getOrDefault(id, Map.of()), all.getItem3().getOrDefault(id, Map.of()),
                    row.getInteger("missed_offers"));
        }).toList());
    }

    /** Tasks offered to or held by each agent, per channel: what counts against capacity. */
    public static final String LOAD = "select agent_id, channel, count(*)::int as n from routing_task"
            + " where agent_id = any($1) and state in ('OFFERED', 'ASSIGNED', 'WRAP_UP') group by agent_id, channel";

    public static Uni<Map<String, Map<Channel, Integer>>> perChannel(SqlConnection connection, String sql, String[] ids) {
        return connection.preparedQuery(sql).execute(Tuple.of(ids)).map(rows -> {
            Map<String, Map<Channel, Integer>> byAgent = new HashMap<>();
            rows.forEach(row -> byAgent.computeIfAbsent(row.getString("agent_id"), k -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf(row.getString("channel")), row.getInteger("n")));
            return byAgent;
        });
    }

    private static Locked locked(Row row) {
        return new Locked(row.getString("id"), AgentPresence.valueOf(row.getString("presence")),
                Rows.instant(row.getOffsetDateTime("wrap_up_until")), row.getInteger("missed_offers"));
    }
}
