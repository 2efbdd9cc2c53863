package dev.panorama.routing.dispatch;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.routing.agents.AgentStore;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.matching.Agent;
import dev.panorama.routing.matching.DispatchPlanner;
import dev.panorama.routing.matching.DispatchPlanner.PlannedOffer;
import dev.panorama.routing.matching.RotationPages;
import dev.panorama.routing.matching.Task;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.queues.QueueStore;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.store.Rows;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskStore;
import dev.panorama.routing.tasks.TaskStore.Routable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Offers waiting tasks to agents, safely beside any number of replicas on the same database. Each round is one
 * transaction that locks what it stores offers for, reads the clock, lets the pure planner decide, and writes offers,
 * task states and {@code TaskOffered} events together. Every lock a round takes is {@code FOR UPDATE SKIP LOCKED}:
 * a round never waits for another transaction (so it takes part in no deadlock), and what another replica or an
 * answer in flight holds is left to it; whoever frees an agent's slot asks for a round for that agent afterwards.
 * Every increase of an agent's load happens under the agent's lock, with the load counted under that lock, so no
 * replica pushes an agent beyond capacity; a task is locked and QUEUED when offered, so no two replicas offer it at
 * once (and a unique index allows one open offer per task).
 *
 * <p>The work follows what changed rather than the size of the queue:
 * <ul>
 * <li>an agent's own pass, inside the transaction that made it available or freed its slot (the agent locked
 * already): a few pages of the head as below, so its offers commit with that change; what it leaves (its pages ran
 * out) a round after commit goes on with;
 * <li>for agents whose slot freed or who became available: the head of the waiting tasks in serving order on each
 * channel where one of them has room is read without locks, the plan on it names the agents (id order) and the tasks
 * to lock, and the round is planned again on those as locked; page after page while one of them still has room there
 * and more tasks wait;
 * <li>for tasks that became routable (a skill-based queue's new task in the transaction that creates it, see
 * {@link #forCreatedTask}): those tasks are locked, the agents that may be available and whom their queues
 * admit (both kept in memory: {@link AgentDirectory}) are read with their presence and load and planned on, and only
 * the agents chosen are locked and planned on again;
 * <li>the full pass: every available agent with room on a channel where tasks wait gets a round as above; on the
 * sweeper's tick (the safety net) only where a task has waited untouched for a whole interval.
 * </ul>
 * Between changes no waiting task can be taken by an agent with room (else a round would have offered it), so a
 * freed agent gets the first waiting task in serving order it may take, as a round over every agent would give it
 * (see {@code DispatchInvariantsTest}).
 */
@ApplicationScoped
public class Dispatcher {

    /** Agents one agent-driven round takes, at most. */
    public static final int AGENTS_PER_ROUND = 64;
    /** Waiting tasks the first page of an agent-driven pass reads per free slot (not every task fits every agent; later pages read more), and at most. */
    private static final int HEAD_PER_SLOT = 4;
    private static final int MAX_HEAD = 1000;
    /** Pages of one agent-driven pass, at most. */
    private static final int MAX_AGENT_PAGES = 20;
    /** Pages of an agent's own pass inside the transaction that made room, at most: beyond, a round goes on after commit. */
    private static final int MAX_OWN_PAGES = 4;
    /**
     * Waiting tasks the first page of an agent's own pass reads per free slot: more than a round's pages (which read a
     * batch at least), as one agent qualifies for a few of the tasks only and every further page costs round trips.
     */
    private static final int OWN_HEAD_PER_SLOT = 16;
    /** Agents the first page of a rotation's round for new tasks reads, at least (see {@link RotationPages}). */
    private static final int ROTATION_PAGE = 16;
    /** An agent's load, {@code CHAT=1,EMAIL=2}: the tasks offered to or held by it per channel. */
    private static final String LOAD = " (select string_agg(l.channel || '=' || l.n, ',') from (select t.channel, count(*) as n"
            + " from routing_task t where t.agent_id = a.id and t.state in ('OFFERED', 'ASSIGNED', 'WRAP_UP') group by t.channel) l)"
            + " as load";
    /** The agent {@code a} has room on the channel of its capacity row {@code c}. */
    private static final String ROOM = " c.capacity > (select count(*) from routing_task t where t.agent_id = a.id"
            + " and t.channel = c.channel and t.state in ('OFFERED', 'ASSIGNED', 'WRAP_UP'))";
    /** Available agents with room on a channel where a task waits (the waiting task's conditions follow). */
    private static final String WITH_ROOM_SELECT = "select a.id from agent a where a.presence = 'AVAILABLE'"
            + " and exists (select 1 from agent_capacity c where c.agent_id = a.id and" + ROOM;
    private static final String WITH_ROOM_WHERE_TASKS_WAIT = " and exists (select 1 from routing_task w where w.state = 'QUEUED'"
            + " and w.channel = c.channel";
    /** The given agents who are available, with their load (read without locks: only to plan on). */
    private static final String GIVEN = "select a.id, a.idle_since, a.routing_version," + LOAD
            + " from agent a where a.id = any($1) and a.presence = 'AVAILABLE' order by a.id";
    /** The given agents who are available, without their load (read beside it, or after locking them, by {@link AgentStore#LOAD}). */
    private static final String AVAILABLE_OF_GIVEN = "select id, idle_since, routing_version from agent"
            + " where id = any($1) and presence = 'AVAILABLE' order by id";
    private static final String LOCK_GIVEN = AVAILABLE_OF_GIVEN + " for update skip locked";

    private final Transactions transactions;
    private final TaskStore tasks;
    private final QueueStore queues;
    private final QueueMemory queueMemory;
    private final AgentProfiles profiles;
    private final AgentDirectory directory;
    private final RoutingEvents events;
    private final RoutingConfig config;
    private final DispatchPlanner planner;
    private final TaskClaims claims;
    private final OfferWrites offerWrites;
    private final Clock clock;
    /** Agents a round chose but found held by another transaction, to ask for again once that round ended. */
    private final Set<String> heldElsewhere = ConcurrentHashMap.newKeySet();

    public Dispatcher(Transactions transactions, TaskStore tasks, QueueStore queues, QueueMemory queueMemory,
            AgentProfiles profiles, AgentDirectory directory, RoutingEvents events, RoutingConfig config, TaskClaims claims,
            OfferWrites offerWrites, Clock clock) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.queues = queues;
        this.queueMemory = queueMemory;
        this.profiles = profiles;
        this.directory = directory;
        this.events = events;
        this.config = config;
        this.planner = config.planner();
        this.claims = claims;
        this.offerWrites = offerWrites;
        this.clock = clock;
    }

    /**
     * For tasks that became routable (new, back in the queue, escalated): one round. The tasks are locked; the
     * available agents with room on their channels are read without locks and the plan picks among them; only the
     * agents it picked are then locked (skipping those others hold) and read again, and the round is planned anew
     * on exactly those, so what is stored was decided on locked, current state, while a round for a few tasks never
     * holds up the answers of every agent with room. A task escalated from a lower step where it had waited untouched
     * (its id mapped to that step's level in {@code escalatedFrom}) is planned only on the agents its step admits and
     * that one did not: no agent the lower step admitted had room for it (else its round there would have offered it),
     * and that changes only by a change that gives the agent a round of its own.
     */
    public Uni<Integer> forTasks(Collection<UUID> taskIds, Map<UUID, Integer> escalatedFrom) {
        if (taskIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return transactions.inTransaction(connection -> Uni.combine().all()
                        .unis(tasks.lockWaiting(connection, taskIds, clock.instant(), config.turnDownCooldown()),
                                queueMemory.current(connection))
                        .asTuple()
                        .chain(found -> round(connection, found.getItem1(), found.getItem2(), escalatedFrom)))
                .map(offers -> offers.made().size())
                .invoke(this::publishIf);
    }

    /**
     * For a task the caller's transaction has just created: the round {@link #forTasks} would give it after commit,
     * in that transaction instead, so that the task is offered as it commits, without a transaction of its own that
     * locks it again and reads the queues again. Nobody else sees the task before it commits, so its row is the
     * caller's already; the agents are read and locked as in any round. The caller publishes the events after commit.
     */
    public Uni<Offers> forCreatedTask(SqlConnection connection, Routable created, QueueMemory.Current queues) {
        return round(connection, List.of(created), queues, Map.of());
    }

    /** The offers a round stored, and when it stored them. */
    public record Offers(List<PlannedOffer> made, Instant at) {

        static final Offers NONE = new Offers(List.of(), null);
    }

    private Uni<Offers> round(SqlConnection connection, List<Routable> waiting, QueueMemory.Current queues,
            Map<UUID, Integer> escalatedFrom) {
        return waiting.isEmpty() ? Uni.createFrom().item(Offers.NONE)
                : candidates(connection, waiting, queues, escalatedFrom)
                        .chain(candidates -> candidates.isEmpty() ? Uni.createFrom().item(Offers.NONE)
                                : lockChosen(connection, waiting, candidates, queues));
    }

    /**
     * The agents a round for the waiting tasks may choose, with their load (read without locks): the available agents
     * the tasks' queues admit who have room on a channel of the tasks. Who may be available, and their skills and
     * capacity, are kept in memory ({@link AgentDirectory}), so that presence and load are read only for the agents
     * admitted, not for every available agent (reading those took most of PostgreSQL's time for tasks arriving one by
     * one to 2,000 agents); those without room on the tasks' channels are left out, so that a long queue's tasks
     * reaching a step while every agent is busy are planned on nobody, not on every agent they admit. A rotation's
     * tasks read only as many agents after its cursor as its plan needs (see {@link #inRotation}).
     */
    private Uni<List<Agent>> candidates(SqlConnection connection, List<Routable> waiting, QueueMemory.Current queues,
            Map<UUID, Integer> escalatedFrom) {
        List<Task> tasks = tasksOf(waiting);
        return directory.admittedForAny(connection, tasks, queues.policies(), escalatedFrom).chain(admitted -> {
            if (admitted.isEmpty()) {
                return Uni.createFrom().item(List.<Agent>of());
            }
            return RotationPages.of(tasks, queues.policies(), queues.cursors(), admitted)
                    .map(pages -> inRotation(connection, tasks, queues, pages, List.of(), Math.max(ROTATION_PAGE, 2 * tasks.size())))
                    .orElseGet(() -> availableWithRoom(connection, admitted, channelsOf(tasks)));
        });
    }

    /**
     * A rotation's candidates, a page at a time after its cursor: those with room of the pages read until a plan on
     * them is the plan on every agent the queue admits ({@link RotationPages}), each page larger than the one before.
     */
    private Uni<List<Agent>> inRotation(SqlConnection connection, List<Task> tasks, QueueMemory.Current queues, RotationPages pages,
            List<Agent> readSoFar, int pageSize) {
        return availableWithRoom(connection, pages.next(pageSize), channelsOf(tasks)).chain(found -> {
            List<Agent> candidates = new ArrayList<>(readSoFar);
            candidates.addAll(found);
            if (pages.allRead() || pages.decides(planAsRead(tasks, candidates, queues), tasks.size())) {
                return Uni.createFrom().item(candidates);
            }
            return inRotation(connection, tasks, queues, pages, candidates, pageSize * 4);
        });
    }

    private static Set<Channel> channelsOf(List<Task> tasks) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        tasks.forEach(task -> channels.add(task.channel()));
        return channels;
    }

    /** Plans on the agents read without locks, then locks those chosen and plans again on them as locked. */
    private Uni<Offers> lockChosen(SqlConnection connection, List<Routable> waiting, List<Agent> candidates,
            QueueMemory.Current queues) {
        List<String> chosen = planAsRead(tasksOf(waiting), candidates, queues).stream()
                .map(PlannedOffer::agentId).distinct().sorted().toList();
        return chosen.isEmpty() ? Uni.createFrom().item(Offers.NONE)
                : lockGivenAgents(connection, chosen).invoke(locked -> noteHeldElsewhere(chosen, locked))
                        .chain(locked -> locked.isEmpty() ? Uni.createFrom().item(Offers.NONE) : offerNow(connection, waiting, locked, queues));
    }

    private Uni<Offers> offerNow(SqlConnection connection, List<Routable> waiting, List<Agent> locked, QueueMemory.Current queues) {
        Instant now = clock.instant();
        return offer(connection, waiting, locked, queues, now).map(round -> new Offers(round.offers(), now));
    }

    /**
     * The full pass, the safety net: every available agent with room on a channel where tasks wait gets an
     * agent-driven round (in groups), as if its slot had just freed.
     */
    public Uni<Integer> dispatch() {
        return agentsWithRoom().chain(ids -> {
            Uni<Integer> all = Uni.createFrom().item(0);
            for (int from = 0; from < ids.size(); from += AGENTS_PER_ROUND) {
                List<String> group = ids.subList(from, Math.min(ids.size(), from + AGENTS_PER_ROUND));
                all = all.chain(sofar -> forAgents(group).map(offered -> sofar + offered));
            }
            return all;
        });
    }

    /** The available agents with room on a channel where tasks wait, read without locks (whom to give rounds). */
    public Uni<List<String>> agentsWithRoom() {
        return agentsWithRoom(WITH_ROOM_WHERE_TASKS_WAIT, Tuple.tuple());
    }

    /**
     * The available agents with room on a channel where a task has waited untouched (not created, offered back,
     * escalated or moved) since before {@code untouchedSince}: the safety net's agents. A task changed since then had
     * its own round, which looked at every agent it admits; only a task whose round never came (a replica stopped
     * between its commit and the round) or found nobody is left for the net, so tasks arriving one by one to many
     * agents with room no longer give every agent a round each tick.
     */
    public Uni<List<String>> agentsWithRoomForTasksWaitingSince(Instant untouchedSince) {
        return agentsWithRoom(WITH_ROOM_WHERE_TASKS_WAIT + " and w.updated_at < $1", Tuple.of(Rows.at(untouchedSince)));
    }

    private Uni<List<String>> agentsWithRoom(String waiting, Tuple parameters) {
        return transactions.read(connection -> connection.preparedQuery(WITH_ROOM_SELECT + waiting + ")) order by a.id")
                .execute(parameters)
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString("id")));
                    return ids;
                }));
    }

    /** For agents whose slot freed or who became available: pages of the waiting tasks they have room for. */
    public Uni<Integer> forAgents(Collection<String> agentIds) {
        if (agentIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return agentPage(List.copyOf(agentIds), null, new EnumMap<>(Channel.class), 0, 0);
    }

    /**
     * For an agent the caller's transaction holds locked and has just made room for (it became available, a slot
     * freed): offers it what it has room for in that transaction, so the offers commit with the change that made
     * them due instead of waiting for a round. Its load is counted under the lock the transaction holds (read with the
     * agent in one statement); the head of the waiting tasks is read without locks, leaving out what other
     * transactions of this replica chose, and the offers are stored in one statement on the tasks the plan chose that
     * are still as read (others' skipped, see {@link OfferWrites}). Answers whether the agent may still have room while
     * tasks wait (its pages ran out, or own passes are off: {@code panorama.routing.own-pass}): the caller then
     * asks for a round for it after commit.
     */
    public Uni<Boolean> forOwnAgent(SqlConnection connection, String agentId) {
        if (!config.ownPass()) {
            return Uni.createFrom().item(true);
        }
        // the caller holds the agent's lock: no statement of its own to take it again
        return Uni.combine().all().unis(givenAgents(connection, List.of(agentId)), queueMemory.current(connection)).asTuple()
                .chain(read -> read.getItem1().isEmpty() ? Uni.createFrom().item(false)
                        : ownPage(connection, read.getItem1(), read.getItem2(), null, new EnumMap<>(Channel.class), 0));
    }

    private Uni<Boolean> ownPage(SqlConnection connection, List<Agent> agents, QueueMemory.Current queues,
            Set<Channel> only, Map<Channel, Position> after, int page) {
        Map<Channel, Integer> asked = DispatchPlanner.headSizes(agents, DispatchPlanner.perSlotOnPage(OWN_HEAD_PER_SLOT, page),
                1, MAX_HEAD);
        if (only != null) {
            asked.keySet().retainAll(only);
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        Map<Channel, Integer> taken = new EnumMap<>(Channel.class);
        Map<Channel, Position> ends = new EnumMap<>(Channel.class);
        ends.putAll(after);
        return heads(connection, asked, ends, taken)
                .chain(head -> head.isEmpty() ? Uni.createFrom().item(new DispatchPlanner.Round(List.of(), agents))
                        : lockClaimedAndOffer(connection, head, agents, queues))
                .chain(round -> {
                    Set<Channel> goOn = DispatchPlanner.channelsToGoOn(round.agentsAfter(), taken, asked);
                    if (goOn.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    return page + 1 >= MAX_OWN_PAGES ? Uni.createFrom().item(true)
                            : ownPage(connection, round.agentsAfter(), queues, goOn, ends, page + 1);
                });
    }

    /**
     * Plans the head on the agents, who are locked already, and stores the plan on the tasks still as read: no cursor
     * moves (one agent's own pass chose no agent among others, and would hold every other pass on the queue's row).
     */
    private Uni<DispatchPlanner.Round> lockClaimedAndOffer(SqlConnection connection, List<Routable> head, List<Agent> agents,
            QueueMemory.Current queues) {
        return store(connection, claimedPlan(connection, head, agents, queues), head, agents, queues, Map.of(), clock.instant());
    }

    /**
     * The plan on the head (read without locks) with the agents as given, its tasks claimed for this transaction: a
     * task another transaction of this replica claimed since the head was read is left out and the plan made again.
     */
    private List<PlannedOffer> claimedPlan(SqlConnection connection, List<Routable> head, List<Agent> agents,
            QueueMemory.Current queues) {
        List<Task> candidates = new ArrayList<>(tasksOf(head));
        while (true) {
            List<PlannedOffer> plan = planAsRead(candidates, agents, queues);
            Set<UUID> claimedByOthers = plan.isEmpty() ? Set.of()
                    : claims.claim(connection, plan.stream().map(PlannedOffer::taskId).toList());
            if (claimedByOthers.isEmpty()) {
                return plan;
            }
            candidates.removeIf(task -> claimedByOthers.contains(task.id()));
        }
    }

    /** Where a channel's head ended: after this task in serving order. */
    record Position(Instant key, UUID id) {
    }

    /** One page of an agent-driven pass: the round, how many tasks each channel's head asked for and had, and where each ended. */
    private record AgentPage(DispatchPlanner.Round round, Map<Channel, Integer> asked, Map<Channel, Integer> taken,
            Map<Channel, Position> ends) {
    }

    /**
     * Per channel, the last task of the previous page; a channel without one starts from its head. The agents and the
     * head of the waiting tasks are read without locks; the plan on them names the agents and the tasks to lock
     * (skipping those others hold, e.g. an agent answering an offer), and the round is planned again on exactly those
     * as locked, with their load counted under the lock. So a lock is held only for the last statements of a round,
     * and neither an agent nor a task the plan has no use for is locked at all (a page that offers nothing writes
     * nothing: locking a row writes it). The reads need no transaction (each statement sees what was committed when
     * it began, in a transaction too), so one opens only for the locks and what they store: a page whose plan on what
     * it read offers nothing, as most do when tasks arrive one by one to agents with room, costs no BEGIN and COMMIT.
     */
    private Uni<Integer> agentPage(List<String> agentIds, Set<Channel> only, Map<Channel, Position> after, int page,
            int offeredSoFar) {
        return transactions.readThenWrite(connection -> Uni.combine().all()
                .unis(givenAgents(connection, agentIds), queueMemory.current(connection)).asTuple().chain(read -> {
                    List<Agent> agents = read.getItem1();
                    QueueMemory.Current queues = read.getItem2();
                    Map<Channel, Integer> asked = DispatchPlanner.headSizes(agents, DispatchPlanner.perSlotOnPage(HEAD_PER_SLOT, page),
                            config.dispatchBatch(), MAX_HEAD);
                    if (only != null) {
                        asked.keySet().retainAll(only);
                    }
                    Map<Channel, Integer> taken = new EnumMap<>(Channel.class);
                    Map<Channel, Position> ends = new EnumMap<>(Channel.class);
                    ends.putAll(after);
                    if (asked.isEmpty()) {
                        return Uni.createFrom().item(new AgentPage(new DispatchPlanner.Round(List.of(), agents), asked, taken, ends));
                    }
                    return heads(connection, asked, ends, taken)
                            .chain(head -> offersAny(head, agents, queues)
                                    ? Transactions.within(connection, inTransaction -> lockChosenAndOffer(inTransaction, head, agents, queues))
                                    : Uni.createFrom().item(new DispatchPlanner.Round(List.of(), agents)))
                            .map(round -> new AgentPage(round, asked, taken, ends));
                }))
                .invoke(result -> publishIf(result.round().offers().size()))
                .chain(result -> {
                    int offered = offeredSoFar + result.round().offers().size();
                    Set<Channel> goOn = DispatchPlanner.channelsToGoOn(result.round().agentsAfter(), result.taken(), result.asked());
                    if (goOn.isEmpty() || page + 1 >= MAX_AGENT_PAGES) {
                        return Uni.createFrom().item(offered);
                    }
                    List<String> withRoom = result.round().agentsAfter().stream()
                            .filter(agent -> goOn.stream().anyMatch(agent::hasRoomOn)).map(Agent::id).toList();
                    return agentPage(withRoom, goOn, result.ends(), page + 1, offered);
                });
    }

    /** Whether a plan on the head and the agents as read offers anything: else no transaction is worth opening. */
    private boolean offersAny(List<Routable> head, List<Agent> agents, QueueMemory.Current queues) {
        return !head.isEmpty() && !planAsRead(tasksOf(head), agents, queues).isEmpty();
    }

    /** The plan on these tasks and agents as read, to choose what to lock: the queues' cursors are left as they are. */
    private List<PlannedOffer> planAsRead(List<Task> tasks, List<Agent> agents, QueueMemory.Current queues) {
        return planner.round(tasks, queues.policies(), agents, clock.instant(), new HashMap<>(queues.cursors())).offers();
    }

    private static List<Task> tasksOf(List<Routable> routables) {
        return routables.stream().map(Routable::task).toList();
    }

    /**
     * Plans the head (read without locks) on the agents as read, locks the agents the plan chose (skipping those others
     * hold) and stores the round planned again on them as locked, on the tasks the plan chose and claimed: a task is
     * offered only if it still waits as read, locked by the statement that stores its offer. The agents after it:
     * those locked as the offers left them, and those the plan did not choose as read. An agent chosen but held by
     * another transaction is asked for again once this round ended (whoever holds it may be answering an offer, which
     * frees no slot and asks for no round); a task held elsewhere is left to whoever holds it.
     */
    private Uni<DispatchPlanner.Round> lockChosenAndOffer(SqlConnection connection, List<Routable> head, List<Agent> agents,
            QueueMemory.Current queues) {
        Set<String> chosen = new TreeSet<>();
        List<UUID> chosenTasks = new ArrayList<>();
        claimedPlan(connection, head, agents, queues).forEach(plan -> {
            chosen.add(plan.agentId());
            chosenTasks.add(plan.taskId());
        });
        if (chosen.isEmpty()) {
            return Uni.createFrom().item(new DispatchPlanner.Round(List.of(), agents));
        }
        Set<UUID> chosenSet = Set.copyOf(chosenTasks);
        List<Routable> planOn = head.stream().filter(routable -> chosenSet.contains(routable.task().id())).toList();
        // the agents' lock first, the tasks' in the statement that stores the offers: the order every transaction locks in
        return lockGivenAgents(connection, List.copyOf(chosen)).invoke(locked -> noteHeldElsewhere(chosen, locked))
                .chain(locked -> locked.isEmpty() ? Uni.createFrom().item(new DispatchPlanner.Round(List.of(), locked))
                        : offer(connection, planOn, locked, queues, clock.instant()))
                .map(round -> {
                    List<Agent> after = new ArrayList<>(round.agentsAfter());
                    agents.stream().filter(agent -> !chosen.contains(agent.id())).forEach(after::add);
                    return new DispatchPlanner.Round(round.offers(), after);
                });
    }

    /**
     * The head of each channel's waiting tasks after its position, read without locks; notes what each head had and
     * where it ended.
     */
    private Uni<List<Routable>> heads(SqlConnection connection, Map<Channel, Integer> asked, Map<Channel, Position> after,
            Map<Channel, Integer> taken) {
        List<TaskStore.Head> heads = new ArrayList<>();
        asked.forEach((channel, size) -> {
            Position from = after.get(channel);
            heads.add(new TaskStore.Head(channel, from == null ? null : from.key(), from == null ? null : from.id(), size));
        });
        return tasks.readHeads(connection, heads, claims.now(), clock.instant(), config.turnDownCooldown()).map(perChannel -> {
            List<Routable> all = new ArrayList<>();
            perChannel.forEach((channel, found) -> {
                taken.put(channel, found.size());
                if (!found.isEmpty()) {
                    Routable last = found.getLast();
                    after.put(channel, new Position(last.routingKey(), last.task().id()));
                }
                all.addAll(found);
            });
            return all;
        });
    }

    private void publishIf(int offered) {
        if (offered > 0) {
            events.publishSoon();
        }
    }

    /**
     * Plans the tasks onto the locked agents and stores the offers: the offers, the tasks' new state and the
     * {@code TaskOffered} events in one statement, with the moved round-robin cursors.
     */
    private Uni<DispatchPlanner.Round> offer(SqlConnection connection, List<Routable> batch, List<Agent> agents,
            QueueMemory.Current queues, Instant now) {
        Map<String, String> cursors = queues.cursors();
        Map<String, String> movedCursors = new HashMap<>(cursors);
        List<PlannedOffer> planned = planner.round(tasksOf(batch), queues.policies(), agents, now, movedCursors).offers();
        movedCursors.entrySet().removeIf(entry -> entry.getValue().equals(cursors.get(entry.getKey())));
        return store(connection, planned, batch, agents, queues, movedCursors, now);
    }

    /**
     * Stores the planned offers on the tasks as read (see {@link OfferWrites}) and moves the cursors; the round as
     * stored: the offers whose tasks were still as read, the agents as those offers left them.
     */
    private Uni<DispatchPlanner.Round> store(SqlConnection connection, List<PlannedOffer> planned, List<Routable> read,
            List<Agent> agents, QueueMemory.Current queues, Map<String, String> movedCursors, Instant now) {
        if (planned.isEmpty()) {
            return Uni.createFrom().item(new DispatchPlanner.Round(List.of(), agents));
        }
        Map<UUID, Routable> byTask = read.stream().collect(Collectors.toMap(routable -> routable.task().id(), Function.identity()));
        List<OfferWrites.Planned> writes = new ArrayList<>();
        for (PlannedOffer plan : planned) {
            Routable task = byTask.get(plan.taskId());
            Instant expires = now.plus(queues.settings().get(plan.queueId()).offerTimeout());
            OfferStore.NewOffer offer = new OfferStore.NewOffer(Ids.next(now), plan.taskId(), plan.agentId(), now, expires);
            UUID customer = task.customerId();
            writes.add(new OfferWrites.Planned(plan.taskId(), task.rowVersion(), offer, new RoutingEvents.Pending(
                    new TaskOffered(plan.taskId(), offer.id(), plan.agentId(), customer, now, expires), customer, now)));
        }
        return Uni.combine().all().unis(offerWrites.store(connection, writes, now),
                        this.queues.moveCursors(connection, new TreeMap<>(movedCursors)))
                .asTuple()
                .invoke(done -> noteNotStored(planned, done.getItem1()))
                .map(done -> asStored(planned, done.getItem1(), agents, byTask, now));
    }

    /**
     * An agent planned for a task that had changed meanwhile (another transaction held it or had just offered, escalated
     * or moved it) is asked for again once this round ended, as one held elsewhere is: it may have room for another
     * waiting task, or for that one as it is now, and nothing else would give it a round before the safety net.
     */
    private void noteNotStored(List<PlannedOffer> planned, Set<UUID> stored) {
        planned.stream().filter(plan -> !stored.contains(plan.taskId())).forEach(plan -> heldElsewhere.add(plan.agentId()));
    }

    private static DispatchPlanner.Round asStored(List<PlannedOffer> planned, Set<UUID> offered, List<Agent> agents,
            Map<UUID, Routable> byTask, Instant now) {
        Map<String, Agent> after = new LinkedHashMap<>();
        agents.forEach(agent -> after.put(agent.id(), agent));
        List<PlannedOffer> stored = new ArrayList<>();
        for (PlannedOffer plan : planned) {
            if (offered.contains(plan.taskId())) {
                stored.add(plan);
                after.computeIfPresent(plan.agentId(), (id, agent) -> agent.withOneMore(byTask.get(plan.taskId()).task().channel(), now));
            }
        }
        return new DispatchPlanner.Round(stored, List.copyOf(after.values()));
    }

    private void noteHeldElsewhere(Collection<String> chosen, List<Agent> locked) {
        Set<String> held = new HashSet<>(chosen);
        locked.forEach(agent -> held.remove(agent.id()));
        heldElsewhere.addAll(held);
    }

    /** The agents rounds chose but found held by another transaction since the last call: to ask for again. */
    public List<String> takeHeldElsewhere() {
        List<String> taken = new ArrayList<>();
        for (String id : heldElsewhere) {
            if (heldElsewhere.remove(id)) {
                taken.add(id);
            }
        }
        return taken;
    }

    /** Locks those of the given agents who are available, in id order, skipping those others hold; their load is counted under the lock. */
    private Uni<List<Agent>> lockGivenAgents(SqlConnection connection, List<String> ids) {
        return connection.preparedQuery(LOCK_GIVEN).execute(Tuple.of(ids.toArray(String[]::new))).chain(rows -> {
            List<Row> locked = Rows.list(rows);
            if (locked.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            String[] lockedIds = locked.stream().map(row -> row.getString("id")).toArray(String[]::new);
            return Uni.combine().all().unis(profiles.of(connection, AgentProfiles.versions(locked)),
                            AgentStore.perChannel(connection, AgentStore.LOAD, lockedIds))
                    .asTuple()
                    .map(state -> agents(locked, state.getItem1(), id -> state.getItem2().getOrDefault(id, Map.of())));
        });
    }

    /**
     * The given agents who are available with room on one of the channels, read without locks: only to plan on. Their
     * presence and their load are two statements sent together, the load counted for all of them in one pass over
     * the index of tasks in hand; counting it agent by agent in the read of the agents (a subquery each) cost 27 ms a
     * round for the 400-odd agents with room that a new task admits when most agents have room.
     */
    private Uni<List<Agent>> availableWithRoom(SqlConnection connection, List<String> ids, Set<Channel> channels) {
        String[] given = ids.toArray(String[]::new);
        return Uni.combine().all().unis(connection.preparedQuery(AVAILABLE_OF_GIVEN).execute(Tuple.of(given)),
                        AgentStore.perChannel(connection, AgentStore.LOAD, given))
                .asTuple()
                .chain(read -> withProfiles(connection, Rows.list(read.getItem1()), read.getItem2()))
                .map(agents -> agents.stream().filter(agent -> channels.stream().anyMatch(agent::hasRoomOn)).toList());
    }

    /** The agents of these rows with their profiles and the load given (none where it names none). */
    private Uni<List<Agent>> withProfiles(SqlConnection connection, List<Row> rows, Map<String, Map<Channel, Integer>> load) {
        return rows.isEmpty() ? Uni.createFrom().item(List.of())
                : profiles.of(connection, AgentProfiles.versions(rows))
                        .map(known -> agents(rows, known, id -> load.getOrDefault(id, Map.of())));
    }

    /** The given agents who are available, read without locks with their load: only to plan on. */
    private Uni<List<Agent>> givenAgents(SqlConnection connection, List<String> ids) {
        return connection.preparedQuery(GIVEN).execute(Tuple.of(ids.toArray(String[]::new)))
                .chain(rows -> unlockedAgents(connection, rows));
    }

    /** The agents read without locks, with the load they had then: only to plan on. */
    private Uni<List<Agent>> unlockedAgents(SqlConnection connection, RowSet<Row> rows) {
        List<Row> found = Rows.list(rows);
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, Map<Channel, Integer>> load = new HashMap<>();
        found.forEach(row -> load.put(row.getString("id"), AgentProfiles.perChannel(row.getString("load"))));
        return profiles.of(connection, AgentProfiles.versions(found)).map(known -> agents(found, known, load::get));
    }

    private static List<Agent> agents(List<Row> rows, Map<String, AgentProfiles.Profile> known,
            Function<String, Map<Channel, Integer>> load) {
        List<Agent> agents = new ArrayList<>();
        for (Row row : rows) {
            String id = row.getString("id");
            AgentProfiles.Profile profile = known.get(id);
            if (profile != null) {
                agents.add(new Agent(id, AgentPresence.AVAILABLE, profile.skills(), profile.capacity(), load.apply(id),
                        Rows.instant(row.getOffsetDateTime("idle_since"))));
            }
        }
        return agents;
    }
}
