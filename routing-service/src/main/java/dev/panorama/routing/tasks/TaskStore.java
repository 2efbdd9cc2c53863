package dev.panorama.routing.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.EventJson;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.routing.matching.Task;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.queues.QueueSettings;
import dev.panorama.routing.store.Rows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The routing_task table. */
@ApplicationScoped
public class TaskStore {

    private final RoutingEvents events;

    public TaskStore(RoutingEvents events) {
        this.events = events;
    }

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<SkillRequirement>> SKILLS = new TypeReference<>() { };
    static final String COLUMNS = "id, state, channel, queue_id, priority, required_skills::text as required,"
            + " any_of_skills::text as any_of, preferred_agents, customer_id, interaction_id, subject, source, agent_id,"
            + " escalation_level, created_at, queued_at, offered_at, assigned_at, wrap_up_at, wrap_up_until, ended_at,"
            + " outcome, disposition";

    /**
     * A waiting task taken for routing, with what the events about it need, and the version of its row as read
     * (PostgreSQL's {@code xmin}, new with every update of the row): an offer stored on that version only is one
     * decided on the task as it still is; and when the task last changed.
     */
    public record Routable(Task task, UUID customerId, Instant routingKey, String rowVersion, Instant updatedAt) {
    }

    /** What a routing read takes of a waiting task: its columns, serving key, row version and last change. */
    private static final String ROUTABLE = COLUMNS + ", routing_key, xmin::text as row_version, updated_at";

    /**
     * Who rejected or missed the task, or passed it on, since the given parameter (the turn-down cool-down), read with
     * the task (table {@code routing_task}) in the same statement: an array per row instead of a statement more per
     * read. Who passed it on is on the task's row itself, so the offers' look-up stays as it was.
     */
    private static String turnedDown(int sinceParameter) {
        return "array(select o.agent_id from task_offer o where o.task_id = routing_task.id"
                + " and o.status in ('REJECTED', 'EXPIRED') and o.closed_at > $" + sinceParameter
                + " union all select routing_task.passed_on_by where routing_task.passed_on_at > $" + sinceParameter
                + ") as turned_down";
    }

    /** A task as inserted: as the API shows it, and as a round takes it. */
    public record Inserted(TaskView view, Routable routable) {
    }

    /** Inserts the task as QUEUED and answers it as stored; empty (nothing inserted) when a task for its interaction exists. */
    public Uni<Optional<Inserted>> insert(SqlConnection connection, NewTask task, Instant routingKey, Instant nextEscalation,
            Instant expiresAt, Instant now) {
        return connection.preparedQuery("insert into routing_task (id, state, channel, queue_id, priority, required_skills,"
                        + " any_of_skills, preferred_agents, customer_id, interaction_id, subject, source, created_by,"
                        + " routing_key, created_at, queued_at, next_escalation_at, expires_at, updated_at)"
                        + " values ($1, 'QUEUED', $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15, $16, $14)"
                        + " on conflict (interaction_id) do nothing returning " + ROUTABLE)
                .execute(Tuple.tuple().addUUID(task.id()).addString(task.channel().name()).addString(task.queueId())
                        .addInteger(task.priority()).addString(json(task.requiredSkills())).addString(json(task.anyOfSkills()))
                        .addArrayOfString(task.preferredAgents().toArray(String[]::new)).addUUID(task.customerId())
                        .addUUID(task.interactionId()).addString(task.subject()).addString(task.source())
                        .addString(task.createdBy()).addOffsetDateTime(Rows.at(routingKey)).addOffsetDateTime(Rows.at(now))
                        .addOffsetDateTime(Rows.at(nextEscalation)).addOffsetDateTime(Rows.at(expiresAt)))
                .map(rows -> Rows.list(rows).stream().findFirst().map(row -> new Inserted(view(row), routable(row))));
    }

    public Uni<Optional<TaskView>> find(SqlConnection connection, UUID id) {
        return one(connection.preparedQuery("select " + COLUMNS + " from routing_task where id = $1").execute(Tuple.of(id)));
    }

    /** The agent a task is offered to or held by (null: none), read without a lock; empty when there is no such task. */
    public record Holder(UUID taskId, String agentId) {
    }

    public Uni<Optional<Holder>> holder(SqlConnection connection, UUID id) {
        return connection.preparedQuery("select agent_id from routing_task where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty()
                        : Optional.of(new Holder(id, rows.iterator().next().getString("agent_id"))));
    }

    public Uni<Optional<TaskView>> byInteraction(SqlConnection connection, UUID interactionId) {
        return one(connection.preparedQuery("select " + COLUMNS + " from routing_task where interaction_id = $1")
                .execute(Tuple.of(interactionId)));
    }

    /** The task, locked for this transaction. */
    public Uni<Optional<TaskView>> lock(SqlConnection connection, UUID id) {
        return one(connection.preparedQuery("select " + COLUMNS + " from routing_task where id = $1 for update")
                .execute(Tuple.of(id)));
    }

    /** The task an offer was made for (an offer's task never changes), locked for this transaction. */
    public Uni<Optional<TaskView>> lockOfOffer(SqlConnection connection, UUID offerId) {
        return one(connection.preparedQuery("select " + COLUMNS + " from routing_task"
                + " where id = (select task_id from task_offer where id = $1) for update").execute(Tuple.of(offerId)));
    }

    /** One page of tasks by id (time-ordered), after {@code cursor}, filtered by whatever is given. */
    public Uni<List<TaskView>> page(SqlConnection connection, TaskState state, String queueId, String agentId, UUID cursor,
            int limit) {
        return many(connection.preparedQuery("select " + COLUMNS + " from routing_task where ($1::text is null or state = $1)"
                        + " and ($2::text is null or queue_id = $2) and ($3::text is null or agent_id = $3)"
                        + " and ($4::uuid is null or id > $4) order by id limit $5")
                .execute(Tuple.tuple().addString(state == null ? null : state.name()).addString(queueId).addString(agentId)
                        .addUUID(cursor).addInteger(limit)));
    }

    /** The tasks an agent holds (assigned or in wrap-up), oldest first. */
    public Uni<List<TaskView>> heldBy(SqlConnection connection, String agentId) {
        return many(connection.preparedQuery("select " + COLUMNS + " from routing_task where agent_id = $1"
                + " and state in ('ASSIGNED', 'WRAP_UP') order by assigned_at").execute(Tuple.of(agentId)));
    }

    /** Per channel (in the order given), the head of its waiting tasks from the start: one statement for any number of channels. */
    private static final String HEADS_FROM_START = "select t.* from unnest($1::text[], $2::int[]) with ordinality as h(channel, n, ord)"
            + " cross join lateral (select " + ROUTABLE + ", " + turnedDown(4) + " from routing_task where state = 'QUEUED'"
            + " and channel = h.channel and id <> all($3) order by routing_key, id limit h.n) t order by h.ord, t.routing_key, t.id";
    /** Per channel, the head of its waiting tasks after a position. */
    private static final String HEADS_AFTER = "select t.* from unnest($1::text[], $2::int[], $3::timestamptz[], $4::uuid[])"
            + " with ordinality as h(channel, n, after_key, after_id, ord)"
            + " cross join lateral (select " + ROUTABLE + ", " + turnedDown(6) + " from routing_task where state = 'QUEUED'"
            + " and channel = h.channel and (routing_key, id) > (h.after_key, h.after_id) and id <> all($5)"
            + " order by routing_key, id limit h.n) t order by h.ord, t.routing_key, t.id";

    /** One channel's head of waiting tasks to read: after the given position (null: from its start), at most {@code limit}. */
    public record Head(Channel channel, Instant afterKey, UUID afterId, int limit) {
    }

    /**
     * The heads of several channels' waiting tasks in serving order, each after its position, read without locks:
     * only to plan on (whoever stores an offer takes a task only while it is still the row version read here), so
     * reading a head writes nothing and holds up nobody. The heads from the start and those after a position are a
     * statement each (each keeps an index plan of its own), every channel's head in it: an agent has room on most
     * channels while tasks wait on a few, and a statement per channel cost a round trip each for nothing. Who turned
     * down each task lately comes with it.
     *
     * @param leftOut tasks not to read (another transaction chose them)
     */
    public Uni<Map<Channel, List<Routable>>> readHeads(SqlConnection connection, List<Head> heads, UUID[] leftOut,
            Instant now, java.time.Duration cooldown) {
        if (heads.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        java.time.OffsetDateTime since = Rows.at(now.minus(cooldown));
        List<Head> fromStart = heads.stream().filter(head -> head.afterKey() == null).toList();
        List<Head> after = heads.stream().filter(head -> head.afterKey() != null).toList();
        List<Uni<RowSet<Row>>> queries = new ArrayList<>();
        if (!fromStart.isEmpty()) {
            queries.add(connection.preparedQuery(HEADS_FROM_START).execute(Tuple.of(channels(fromStart), limits(fromStart), leftOut, since)));
        }
        if (!after.isEmpty()) {
            queries.add(connection.preparedQuery(HEADS_AFTER).execute(Tuple.tuple().addArrayOfString(channels(after))
                    .addArrayOfInteger(limits(after))
                    .addArrayOfOffsetDateTime(after.stream().map(head -> Rows.at(head.afterKey())).toArray(java.time.OffsetDateTime[]::new))
                    .addArrayOfUUID(after.stream().map(Head::afterId).toArray(UUID[]::new)).addArrayOfUUID(leftOut)
                    .addOffsetDateTime(since)));
        }
        return Uni.join().all(queries).andFailFast().map(results -> {
            Map<Channel, List<Routable>> perChannel = new java.util.EnumMap<>(Channel.class);
            heads.forEach(head -> perChannel.put(head.channel(), new ArrayList<>()));
            // rows come per channel in serving order
            results.forEach(rows -> rows.forEach(row -> perChannel.get(Channel.valueOf(row.getString("channel"))).add(routable(row))));
            return perChannel;
        });
    }

    private static String[] channels(List<Head> heads) {
        return heads.stream().map(head -> head.channel().name()).toArray(String[]::new);
    }

    private static Integer[] limits(List<Head> heads) {
        return heads.stream().map(Head::limit).toArray(Integer[]::new);
    }

    /** The given tasks that still wait, locked (others' skipped), in serving order, with who turned them down lately. */
    public Uni<List<Routable>> lockWaiting(SqlConnection connection, Collection<UUID> ids, Instant now,
            java.time.Duration cooldown) {
        return connection.preparedQuery("select " + ROUTABLE + ", " + turnedDown(2) + " from routing_task"
                        + " where id = any($1) and state = 'QUEUED' order by routing_key, id for update skip locked")
                .execute(Tuple.of(ids.toArray(UUID[]::new), Rows.at(now.minus(cooldown))))
                .map(rows -> {
                    List<Routable> found = new ArrayList<>();
                    rows.forEach(row -> found.add(routable(row)));
                    return found;
                });
    }

    /** A task as a routing read found it; rows without {@code turned_down} (not a dispatch read) have no one excluded. */
    private static Routable routable(Row row) {
        Set<String> excluded = row.getColumnIndex("turned_down") < 0 ? Set.of()
                : Set.copyOf(Arrays.asList(row.getArrayOfStrings("turned_down")));
        return new Routable(routingTask(row, excluded), row.getUUID("customer_id"),
                Rows.instant(row.getOffsetDateTime("routing_key")), row.getString("row_version"),
                Rows.instant(row.getOffsetDateTime("updated_at")));
    }

    /** The tasks offered (task to agent), in one statement whatever their number. */
    public Uni<Void> markOffered(SqlConnection connection, Collection<Map.Entry<UUID, String>> offers, Instant now) {
        if (offers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = offers.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        String[] agents = offers.stream().map(Map.Entry::getValue).toArray(String[]::new);
        return connection.preparedQuery("update routing_task t set state = 'OFFERED', agent_id = o.agent_id, offered_at = $3,"
                        + " updated_at = $3 from unnest($1::uuid[], $2::text[]) as o(id, agent_id) where t.id = o.id")
                .execute(Tuple.of(ids, agents, Rows.at(now))).replaceWithVoid();
    }

    /** Back to waiting in its queue, bound to no agent (after a rejection, a time-out or a withdrawal). */
    public Uni<Void> requeue(SqlConnection connection, Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("update routing_task set state = 'QUEUED', agent_id = null, offered_at = null,"
                        + " updated_at = $2 where id = any($1) and state = 'OFFERED'")
                .execute(Tuple.of(ids.toArray(UUID[]::new), Rows.at(now))).replaceWithVoid();
    }

    /**
     * The task becomes the agent's who accepted its offer, in one statement with what goes with it: the offer closes
     * as accepted, the agent is no longer idle (and answered in time), and the event is added. Answers the task as
     * changed.
     */
    public Uni<Optional<TaskView>> accepted(SqlConnection connection, UUID id, UUID offerId, String agentId,
            RoutingEvents.Pending event, Instant now) {
        // the task's update reads the offer's, which so runs first: the agent's stream hears of the offer closing
        // before the task (the notices, from triggers, follow the rows' changes)
        return one(connection.preparedQuery("with closed as (update task_offer set status = 'ACCEPTED', closed_at = $2"
                        + " where id = $3 and status = 'OPEN' returning id), took as (update agent set idle_since = $2,"
                        + " missed_offers = 0 where id = $4), announced as (" + RoutingEvents.insertFrom(5) + ")"
                        + " update routing_task set state = 'ASSIGNED', assigned_at = $2, updated_at = $2"
                        + " where id = $1 and exists (select 1 from closed) returning " + COLUMNS)
                .execute(events.addTo(Tuple.of(id, Rows.at(now), offerId, agentId), List.of(event))));
    }

    /**
     * The task ends in the given state, in one statement with its open offer withdrawn (if it has one) and the
     * event added; answers it as changed.
     */
    public Uni<Optional<TaskView>> endWithdrawn(SqlConnection connection, UUID id, TaskState state, TaskOutcome outcome,
            String disposition, RoutingEvents.Pending event, Instant now) {
        // the task's update counts the offers withdrawn (any number, none included), so the withdrawal runs first: the
        // agent's stream hears of the offer closing before the task (the notices, from triggers, follow the rows' changes)
        return one(connection.preparedQuery("with withdrawn as (update task_offer set status = 'WITHDRAWN', closed_at = $5"
                        + " where task_id = $1 and status = 'OPEN' returning id), announced as (" + RoutingEvents.insertFrom(6) + ")"
                        + " update routing_task set state = $2, outcome = $3,"
                        + " disposition = coalesce($4, disposition), ended_at = $5, updated_at = $5,"
                        + " next_escalation_at = null, expires_at = null where id = $1 and (select count(*) from withdrawn) >= 0"
                        + " returning " + COLUMNS)
                .execute(events.addTo(Tuple.of(id, state.name(), outcome.name(), disposition, Rows.at(now)), List.of(event))));
    }

    public Uni<Void> wrapUp(SqlConnection connection, UUID id, String disposition, Instant until, Instant now) {
        return connection.preparedQuery("update routing_task set state = 'WRAP_UP', disposition = $2, wrap_up_at = $4,"
                        + " wrap_up_until = $3, updated_at = $4 where id = $1")
                .execute(Tuple.of(id, disposition, Rows.at(until), Rows.at(now))).replaceWithVoid();
    }

    /**
     * Into a queue afresh: its steps start again and its max wait counts from now; the task keeps its age, so its
     * serving order.
     */
    public Uni<Void> enterQueue(SqlConnection connection, UUID id, QueueSettings queue, Instant now) {
        return connection.preparedQuery("update routing_task set state = 'QUEUED', queue_id = $2, queued_at = $5,"
                        + " escalation_level = 0, next_escalation_at = $3, expires_at = $4, agent_id = null, offered_at = null,"
                        + " assigned_at = null, wrap_up_at = null, wrap_up_until = null, updated_at = $5 where id = $1")
                .execute(Tuple.of(id, queue.id(), Rows.at(queue.firstStepDue(now)), Rows.at(queue.maxWaitEnds(now)), Rows.at(now)))
                .replaceWithVoid();
    }

    /**
     * The task is passed on from the agent it was offered to or held by: as if that agent had turned it down, it is not
     * offered the task again for the turn-down cool-down.
     */
    public Uni<Void> passOn(SqlConnection connection, UUID id, Instant now) {
        return connection.preparedQuery("update routing_task set passed_on_by = agent_id, passed_on_at = $2, agent_id = null"
                        + " where id = $1 and agent_id is not null")
                .execute(Tuple.of(id, Rows.at(now))).replaceWithVoid();
    }

    /** One task's new escalation step, and when its next one is due (null: none left). */
    public record Escalated(UUID id, int level, Instant nextEscalation) {
    }

    /** The tasks' escalation steps, in one statement whatever their number. */
    public Uni<Void> escalate(SqlConnection connection, List<Escalated> escalated, Instant now) {
        if (escalated.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = escalated.stream().map(Escalated::id).toArray(UUID[]::new);
        Integer[] levels = escalated.stream().map(Escalated::level).toArray(Integer[]::new);
        java.time.OffsetDateTime[] next = escalated.stream().map(one -> Rows.at(one.nextEscalation()))
                .toArray(java.time.OffsetDateTime[]::new);
        return connection.preparedQuery("update routing_task t set escalation_level = e.level, next_escalation_at = e.next,"
                        + " updated_at = $4 from unnest($1::uuid[], $2::int[], $3::timestamptz[]) as e(id, level, next)"
                        + " where t.id = e.id")
                .execute(Tuple.of(ids, levels, next, Rows.at(now))).replaceWithVoid();
    }

    /** Waiting tasks whose next escalation step is due, locked (others' skipped). */
    public Uni<List<Routable>> lockEscalationDue(SqlConnection connection, Instant now, int limit) {
        return connection.preparedQuery("select " + ROUTABLE + " from routing_task where state = 'QUEUED'"
                        + " and next_escalation_at <= $1 order by next_escalation_at limit $2 for update skip locked")
                .execute(Tuple.of(Rows.at(now), limit))
                .map(rows -> {
                    List<Routable> due = new ArrayList<>();
                    rows.forEach(row -> due.add(routable(row)));
                    return due;
                });
    }

    /** When the next escalation step of a waiting task is due; empty when none waits for one. */
    public Uni<Optional<Instant>> nextEscalationDue(SqlConnection connection) {
        return connection.preparedQuery("select min(next_escalation_at) as due from routing_task where state = 'QUEUED'")
                .execute().map(rows -> Optional.ofNullable(rows.iterator().next().getOffsetDateTime("due")).map(Rows::instant));
    }

    /** Unassigned tasks past their queue's max wait, locked (others' skipped). */
    public Uni<List<TaskView>> lockExpiryDue(SqlConnection connection, Instant now, int limit) {
        return many(connection.preparedQuery("select " + COLUMNS + " from routing_task where state in ('CREATED', 'QUEUED')"
                + " and expires_at <= $1 order by expires_at limit $2 for update skip locked").execute(Tuple.of(Rows.at(now), limit)));
    }

    /** Tasks whose wrap-up time is over, with their agents (not locked: the agent is locked first). */
    public Uni<List<TaskView>> wrapUpsDue(SqlConnection connection, Instant now, int limit) {
        return many(connection.preparedQuery("select " + COLUMNS + " from routing_task where state = 'WRAP_UP'"
                + " and wrap_up_until <= $1 order by wrap_up_until limit $2").execute(Tuple.of(Rows.at(now), limit)));
    }

    public Uni<Long> countHeld(SqlConnection connection, String agentId, TaskState state) {
        return connection.preparedQuery("select count(*) as n from routing_task where agent_id = $1 and state = $2")
                .execute(Tuple.of(agentId, state.name())).map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<Integer> rekeyCustomers(SqlConnection connection, List<UUID> from, UUID to) {
        return connection.preparedQuery("update routing_task set customer_id = $2 where customer_id = any($1)")
                .execute(Tuple.of(from.toArray(UUID[]::new), to)).map(RowSet::rowCount);
    }

    /** Forgets the customer: the id and the free-text subject go; the routing facts stay for statistics. */
    public Uni<Integer> forgetCustomer(SqlConnection connection, UUID customerId) {
        return connection.preparedQuery("update routing_task set customer_id = null, subject = null where customer_id = $1")
                .execute(Tuple.of(customerId)).map(RowSet::rowCount);
    }

    private static Task routingTask(Row row, Set<String> excluded) {
        return new Task(row.getUUID("id"), Channel.valueOf(row.getString("channel")), row.getString("queue_id"),
                row.getInteger("priority"), skills(row.getString("required")), skills(row.getString("any_of")),
                Arrays.asList(row.getArrayOfStrings("preferred_agents")), Rows.instant(row.getOffsetDateTime("created_at")),
                Rows.instant(row.getOffsetDateTime("queued_at")), row.getInteger("escalation_level"), excluded);
    }

    static TaskView view(Row row) {
        String outcome = row.getString("outcome");
        return new TaskView(row.getUUID("id"), TaskState.valueOf(row.getString("state")),
                Channel.valueOf(row.getString("channel")), row.getString("queue_id"), row.getInteger("priority"),
                skills(row.getString("required")), skills(row.getString("any_of")),
                Arrays.asList(row.getArrayOfStrings("preferred_agents")), row.getUUID("customer_id"),
                row.getUUID("interaction_id"), row.getString("subject"), row.getString("source"), row.getString("agent_id"),
                row.getInteger("escalation_level"), Rows.instant(row.getOffsetDateTime("created_at")),
                Rows.instant(row.getOffsetDateTime("queued_at")), Rows.instant(row.getOffsetDateTime("offered_at")),
                Rows.instant(row.getOffsetDateTime("assigned_at")), Rows.instant(row.getOffsetDateTime("wrap_up_at")),
                Rows.instant(row.getOffsetDateTime("wrap_up_until")), Rows.instant(row.getOffsetDateTime("ended_at")),
                outcome == null ? null : TaskOutcome.valueOf(outcome), row.getString("disposition"));
    }

    private static Uni<Optional<TaskView>> one(Uni<RowSet<Row>> query) {
        return query.map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(view(rows.iterator().next())));
    }

    private static Uni<List<TaskView>> many(Uni<RowSet<Row>> query) {
        return query.map(rows -> {
            List<TaskView> views = new ArrayList<>();
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    /**
     * Stored requirements read before, by their text: tasks repeat a few combinations of skills, and a dispatch round
     * reads the requirements of every task in its heads. Bounded: beyond {@value #MAX_READ_SKILLS} texts it starts afresh.
     */
    private static final Map<String, List<SkillRequirement>> READ_SKILLS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_READ_SKILLS = 4_096;

    private static List<SkillRequirement> skills(String json) {
        if (json == null) {
            return List.of();
        }
        List<SkillRequirement> known = READ_SKILLS.get(json);
        if (known != null) {
            return known;
        }
        try {
            List<SkillRequirement> read = List.copyOf(JSON.readValue(json, SKILLS));
            if (READ_SKILLS.size() >= MAX_READ_SKILLS) {
                READ_SKILLS.clear();
            }
            READ_SKILLS.put(json, read);
            return read;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored skill requirements are not readable", e);
        }
    }

    private static String json(List<SkillRequirement> skills) {
        try {
            return JSON.writeValueAsString(skills);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
