package dev.panorama.routing.dispatch;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.routing.agents.AgentStore;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.matching.Agent;
import dev.panorama.routing.matching.DispatchPlanner;
import dev.panorama.routing.matching.DispatchPlanner.PlannedOffer;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.queues.QueueSettings;
import dev.panorama.routing.queues.QueueStore;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.store.Rows;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskStore;
import dev.panorama.routing.tasks.TaskStore.Routable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Offers waiting tasks to agents, safely beside any number of replicas on the same database. One round is one
 * transaction: the next batch of waiting tasks in serving order is locked {@code FOR UPDATE SKIP LOCKED} (what
 * another replica holds is skipped, not waited for), then every available agent with capacity on one of the
 * batch's channels is locked {@code FOR UPDATE} in id order (the one order every transaction uses, so replicas
 * never deadlock), their load is counted from their tasks under that lock, the clock is read, the pure planner
 * decides, and offers, task states and {@code TaskOffered} events are written together. Every increase of an
 * agent's load happens under the agent's lock, so no replica can push an agent beyond capacity; a task is locked
 * and QUEUED when offered, so no two replicas offer it at once (and a unique index allows one open offer per task).
 *
 * <p>A pass pages through the waiting tasks (keyset on the serving order) until every task was considered or no
 * locked agent has room left, so tasks nobody can take now never hold back those behind them.
 */
@ApplicationScoped
public class Dispatcher {

    private static final int MAX_ROUNDS_PER_PASS = 100;
    private static final String LOCK_AGENTS = "select id, presence, idle_since from agent a where presence = 'AVAILABLE'"
            + " and exists (select 1 from agent_capacity c where c.agent_id = a.id and c.channel = any($1) and c.capacity > 0)"
            + " order by id for update of a";

    private final Transactions transactions;
    private final TaskStore tasks;
    private final OfferStore offers;
    private final QueueStore queues;
    private final RoutingEvents events;
    private final RoutingConfig config;
    private final DispatchPlanner planner;
    private final Clock clock;

    public Dispatcher(Transactions transactions, TaskStore tasks, OfferStore offers, QueueStore queues,
            RoutingEvents events, RoutingConfig config, Clock clock) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.offers = offers;
        this.queues = queues;
        this.events = events;
        this.config = config;
        this.planner = config.planner();
        this.clock = clock;
    }

    /** What one round did, and where the next one starts. */
    public record Round(int offered, int considered, Instant lastKey, UUID lastId, boolean roomLeft) {

        boolean passGoesOn(int batch) {
            return considered == batch && roomLeft;
        }
    }

    /** One pass over the waiting tasks; answers how many offers it made. Its TaskOffered events leave at once. */
    public Uni<Integer> dispatch() {
        return pass(null, null, 0, 0).invoke(offered -> {
            if (offered > 0) {
                events.publishSoon();
            }
        });
    }

    private Uni<Integer> pass(Instant afterKey, UUID afterId, int rounds, int offeredSoFar) {
        return transactions.inTransaction(connection -> round(connection, afterKey, afterId))
                .chain(round -> round.passGoesOn(config.dispatchBatch()) && rounds + 1 < MAX_ROUNDS_PER_PASS
                        ? pass(round.lastKey(), round.lastId(), rounds + 1, offeredSoFar + round.offered())
                        : Uni.createFrom().item(offeredSoFar + round.offered()));
    }

    /** One transaction: lock a batch and the agents, plan, store. */
    Uni<Round> round(SqlConnection connection, Instant afterKey, UUID afterId) {
        return tasks.lockRoutable(connection, afterKey, afterId, config.dispatchBatch(), clock.instant(), config.turnDownCooldown())
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(new Round(0, 0, null, null, false))
                        : withAgents(connection, batch));
    }

    private Uni<Round> withAgents(SqlConnection connection, List<Routable> batch) {
        Routable last = batch.getLast();
        String[] channels = batch.stream().map(routable -> routable.task().channel().name()).distinct().toArray(String[]::new);
        return lockAgents(connection, channels).chain(agents -> {
            if (agents.isEmpty()) {
                return Uni.createFrom().item(new Round(0, batch.size(), last.routingKey(), last.task().id(), false));
            }
            return Uni.combine().all().unis(queues.all(connection), queues.roundRobinCursors(connection)).asTuple()
                    .chain(settings -> offer(connection, batch, agents, settings.getItem1(), settings.getItem2()))
                    .map(result -> new Round(result.offered(), batch.size(), last.routingKey(), last.task().id(), result.roomLeft()));
        });
    }

    private record Outcome(int offered, boolean roomLeft) {
    }

    private Uni<Outcome> offer(SqlConnection connection, List<Routable> batch, List<Agent> agents,
            Map<String, QueueSettings> queueSettings, Map<String, String> cursors) {
        Instant now = clock.instant();
        Map<String, QueuePolicy> policies = queueSettings.values().stream()
                .collect(Collectors.toMap(QueueSettings::id, QueueSettings::policy));
        Map<String, String> movedCursors = new HashMap<>(cursors);
        List<PlannedOffer> planned = planner.plan(batch.stream().map(Routable::task).toList(), policies, agents, now, movedCursors);
        Map<UUID, Routable> byTask = batch.stream().collect(Collectors.toMap(routable -> routable.task().id(), Function.identity()));
        List<OfferStore.NewOffer> newOffers = new ArrayList<>();
        List<RoutingEvents.Pending> offered = new ArrayList<>();
        for (PlannedOffer plan : planned) {
            Instant expires = now.plus(queueSettings.get(plan.queueId()).offerTimeout());
            OfferStore.NewOffer offer = new OfferStore.NewOffer(Ids.next(now), plan.taskId(), plan.agentId(), now, expires);
            newOffers.add(offer);
            UUID customer = byTask.get(plan.taskId()).customerId();
            offered.add(new RoutingEvents.Pending(new TaskOffered(plan.taskId(), offer.id(), plan.agentId(), customer, now, expires),
                    customer, now));
        }
        movedCursors.entrySet().removeIf(entry -> entry.getValue().equals(cursors.get(entry.getKey())));
        boolean roomLeft = roomLeft(agents, planned, byTask);
        return offers.insert(connection, newOffers)
                .chain(() -> tasks.markOffered(connection,
                        planned.stream().map(plan -> Map.entry(plan.taskId(), plan.agentId())).toList(), now))
                .chain(() -> queues.moveCursors(connection, movedCursors))
                .chain(() -> events.add(connection, offered))
                .replaceWith(new Outcome(planned.size(), roomLeft));
    }

    /** Whether a locked agent still has room on some channel after the planned offers. */
    private static boolean roomLeft(List<Agent> agents, List<PlannedOffer> planned, Map<UUID, Routable> byTask) {
        Map<String, Agent> after = new HashMap<>();
        agents.forEach(agent -> after.put(agent.id(), agent));
        for (PlannedOffer plan : planned) {
            Channel channel = byTask.get(plan.taskId()).task().channel();
            after.computeIfPresent(plan.agentId(), (id, agent) -> agent.withOneMore(channel, null));
        }
        return after.values().stream().anyMatch(agent -> agent.capacity().keySet().stream().anyMatch(agent::hasRoomOn));
    }

    /** Locks the candidate agents in id order and reads their skills, capacity and load under the lock. */
    private Uni<List<Agent>> lockAgents(SqlConnection connection, String[] channels) {
        return connection.preparedQuery(LOCK_AGENTS).execute(Tuple.of(channels)).chain(rows -> {
            List<Row> locked = new ArrayList<>();
            rows.forEach(locked::add);
            if (locked.isEmpty()) {
                return Uni.createFrom().item(List.<Agent>of());
            }
            String[] ids = locked.stream().map(row -> row.getString("id")).toArray(String[]::new);
            return Uni.combine().all().unis(skills(connection, ids),
                            AgentStore.perChannel(connection, "select agent_id, channel, capacity as n from agent_capacity where agent_id = any($1)", ids),
                            AgentStore.perChannel(connection, AgentStore.LOAD, ids))
                    .asTuple()
                    .map(state -> locked.stream().map(row -> {
                        String id = row.getString("id");
                        return new Agent(id, AgentPresence.AVAILABLE, state.getItem1().getOrDefault(id, Map.of()),
                                state.getItem2().getOrDefault(id, Map.of()), state.getItem3().getOrDefault(id, Map.of()),
                                Rows.instant(row.getOffsetDateTime("idle_since")));
                    }).toList());
        });
    }

    private static Uni<Map<String, Map<String, Integer>>> skills(SqlConnection connection, String[] ids) {
        return connection.preparedQuery("select agent_id, skill, proficiency from agent_skill where agent_id = any($1)")
                .execute(Tuple.of(ids)).map(rows -> {
                    Map<String, Map<String, Integer>> skills = new HashMap<>();
                    rows.forEach(row -> skills.computeIfAbsent(row.getString("agent_id"), k -> new HashMap<>())
                            .put(row.getString("skill"), row.getInteger("proficiency")));
                    return skills;
                });
    }
}
