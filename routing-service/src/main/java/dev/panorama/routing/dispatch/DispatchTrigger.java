package dev.panorama.routing.dispatch;

import dev.panorama.kit.context.OwnContext;
import dev.panorama.routing.config.RoutingConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs dispatch rounds right after something made routing possible, in a few lanes at once in this replica, each
 * lane taking the most urgent work first: rounds for agents whose slot freed (or who became available), then for
 * tasks that became routable, then the rounds of a full pass (which finds the agents with room and gives them
 * rounds; they wait behind every change, so the safety net never holds up a freed agent, and a new full pass starts
 * only once a lane found none of the last one's agents left to take). Requests arriving during a round are gathered
 * and served together by the next one, so a burst of changes costs a few rounds, each with several offers, not one
 * round per change.
 *
 * <p>Lanes: a round spends most of its time waiting for the database (several round trips, each holding no lock
 * until the last ones), so one round at a time left the service idle while the backlog grew. Rounds in different
 * lanes are as safe as rounds of different replicas (every lock a round takes skips what others hold); to keep them
 * from planning on the same rows, an agent or task in a round in flight is left pending until that round ends.
 */
@ApplicationScoped
public class DispatchTrigger {

    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class);
    /** Agents or tasks one round takes, at most. */
    private static final int PER_ROUND = Dispatcher.AGENTS_PER_ROUND;
    private static final int AGENTS = 0;
    private static final int TASKS = 1;
    private static final int FULL = 2;
    private static final int SWEPT = 3;
    private static final int ANY_STEP = -1;

    private final Dispatcher dispatcher;
    private final AgentDirectory directory;
    private final Vertx vertx;
    private final int lanes;
    private final Duration interval;
    private final Clock clock;
    /** Agents and tasks asked for, each kind with what its rounds in flight hold (swept agents count as agents). */
    private final Set<String> agentsInFlight = new HashSet<>();
    private final PendingWork<String> agents = new PendingWork<>(agentsInFlight);
    private final PendingWork<UUID> tasks = new PendingWork<>(new HashSet<>());
    /**
     * Per task asked for, the lowest step it was escalated from since its last round, or {@link #ANY_STEP} when it
     * was asked for otherwise too: its round then looks at every agent it admits (as it does when the task is not here).
     */
    private final Map<UUID, Integer> escalatedFrom = new ConcurrentHashMap<>();
    /** The agents a full pass found with room, served after every change. */
    private final PendingWork<String> swept = new PendingWork<>(agentsInFlight);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean fullPass = new AtomicBoolean();
    private final AtomicBoolean safetyNet = new AtomicBoolean();
    private final RoundTimes stats = new RoundTimes();

    /** How long the rounds of each kind took, logged (debug) every few seconds: where dispatch time goes. */
    private static final class RoundTimes {
        private static final String[] KINDS = {"agents", "tasks", "full", "swept"};
        private final long[] count = new long[4];
        private final long[] nanos = new long[4];
        private final long[] max = new long[4];
        private long since = System.nanoTime();

        synchronized void record(int kind, long took) {
            count[kind]++;
            nanos[kind] += took;
            max[kind] = Math.max(max[kind], took);
            if (System.nanoTime() - since > 5_000_000_000L && LOG.isDebugEnabled()) {
                StringBuilder line = new StringBuilder("dispatch rounds in the last 5 s:");
                for (int i = 0; i < KINDS.length; i++) {
                    line.append(String.format(" %s %d (avg %.1f ms, max %.1f ms)", KINDS[i], count[i],
                            count[i] == 0 ? 0 : nanos[i] / 1e6 / count[i], max[i] / 1e6));
                    count[i] = 0;
                    nanos[i] = 0;
                    max[i] = 0;
                }
                LOG.debug(line);
                since = System.nanoTime();
            }
        }
    }

    /** One round to run: its kind (for the times above), the work, and what to release once it ended. */
    private record Round(int kind, Uni<?> work, Runnable release) {
    }

    public DispatchTrigger(Dispatcher dispatcher, AgentDirectory directory, Vertx vertx, RoutingConfig config, Clock clock) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.vertx = vertx;
        this.lanes = config.dispatchLanes();
        this.interval = config.dispatchInterval();
        this.clock = clock;
    }

    /** The agent may take more now (a slot freed, it became available, or it answered an offer). */
    public void agent(String agentId) {
        if (agentId != null) {
            agents(List.of(agentId));
        }
    }

    /** The agent's skills or capacity changed: it may now qualify for waiting tasks, and for new ones on what it holds now. */
    public void agentProfileChanged(String agentId) {
        directory.profileChanged(agentId);
        agent(agentId);
    }

    /** Known to the directory before any round runs, so that a round for a task sees an agent whose round comes after. */
    public void agents(Collection<String> agentIds) {
        agentIds.forEach(directory::heardOf);
        agents.add(agentIds);
        kick();
    }

    /**
     * After a round run outside the lanes (a new task's, in the transaction that created it): the agents it chose but
     * found held by another transaction get rounds, as a lane's round's do.
     */
    public void agentsHeldElsewhere() {
        List<String> held = dispatcher.takeHeldElsewhere();
        if (!held.isEmpty()) {
            agents(held);
        }
    }

    /** The task waits and may be offered now (new, back in the queue, escalated, moved to another queue). */
    public void task(UUID taskId) {
        tasks(List.of(taskId));
    }

    public void tasks(Collection<UUID> taskIds) {
        taskIds.forEach(id -> escalatedFrom.put(id, ANY_STEP));
        tasks.add(taskIds);
        kick();
    }

    /**
     * The tasks (mapped to the level of the step each was at) reached a later escalation step: they may now go to the
     * agents that step admits, and only those are new to them.
     */
    public void escalated(Map<UUID, Integer> fromLevels) {
        fromLevels.forEach((id, level) -> escalatedFrom.merge(id, level, Math::min));
        tasks.add(fromLevels.keySet());
        kick();
    }

    /**
     * A full pass: every available agent with room on a channel where tasks wait gets a round, after a change that
     * may concern many tasks (an agent left and gave its offers back).
     */
    public void soon() {
        fullPass.set(true);
        kick();
    }

    /**
     * The sweeper's tick: a full pass for the tasks that have waited untouched for a whole interval, those whose own
     * round never came or found nobody (see {@link Dispatcher#agentsWithRoomForTasksWaitingSince}).
     */
    public void safetyNet() {
        safetyNet.set(true);
        kick();
    }

    /** Starts a lane unless every lane runs already (a running lane takes what is asked for after its round). */
    private void kick() {
        int now;
        do {
            now = running.get();
            if (now >= lanes) {
                return;
            }
        } while (!running.compareAndSet(now, now + 1));
        OwnContext.run(vertx, this::next);
    }

    /** Runs the most urgent round, then the next; the lane ends when nothing it may take is asked for. */
    private void next() {
        Round round;
        try {
            round = nextRound();
        } catch (RuntimeException failure) {
            // a round that throws before it starts must not leave this lane marked as running for good
            round = new Round(AGENTS, Uni.createFrom().failure(failure), () -> { });
        }
        if (round == null) {
            running.decrementAndGet();
            // asked for meanwhile, while every lane seemed busy; what a round in flight holds, its lane takes after it
            if (agents.takeable() || tasks.takeable() || swept.takeable() || fullPass.get() || safetyNet.get()) {
                kick();
            }
            return;
        }
        long started = System.nanoTime();
        Round current = round;
        current.work().subscribe().with(ignored -> {
            current.release().run();
            stats.record(current.kind(), System.nanoTime() - started);
            again();
        }, failure -> {
            current.release().run();
            LOG.warnf("Dispatch round failed, the next request or tick retries: %s", failure.getMessage());
            again();
        });
    }

    /** The next round; agents the last one found held by another transaction are asked for again first. */
    private void again() {
        List<String> held = dispatcher.takeHeldElsewhere();
        if (!held.isEmpty()) {
            agents.add(held);
        }
        OwnContext.run(vertx, this::next);
    }

    private Round nextRound() {
        Round round = round(AGENTS, agents, dispatcher::forAgents);
        if (round == null) {
            round = round(TASKS, tasks, some -> dispatcher.forTasks(some, takeEscalatedFrom(some)));
        }
        if (round == null) {
            round = round(SWEPT, swept, dispatcher::forAgents);
        }
        if (round == null && fullPass.getAndSet(false)) {
            safetyNet.set(false);
            round = fullPass(dispatcher::agentsWithRoom);
        }
        if (round == null && safetyNet.getAndSet(false)) {
            Instant untouchedSince = clock.instant().minus(interval);
            round = fullPass(() -> dispatcher.agentsWithRoomForTasksWaitingSince(untouchedSince));
        }
        return round;
    }

    /** The steps these tasks were escalated from, of those asked for only as escalated (a task not here: any step). */
    private Map<UUID, Integer> takeEscalatedFrom(List<UUID> taskIds) {
        Map<UUID, Integer> from = new HashMap<>();
        for (UUID id : taskIds) {
            Integer level = escalatedFrom.remove(id);
            if (level != null && level != ANY_STEP) {
                from.put(id, level);
            }
        }
        return from;
    }

    /** Finds the agents to sweep; their rounds follow as swept work. */
    private Round fullPass(Supplier<Uni<List<String>>> agentsToSweep) {
        return new Round(FULL, Uni.createFrom().deferred(() -> agentsToSweep.get().invoke(swept::add)), () -> { });
    }

    /** A round for the oldest of these no other round holds; null when there are none. */
    private static <T> Round round(int kind, PendingWork<T> pending, Function<List<T>, Uni<Integer>> rounds) {
        List<T> some = pending.take(PER_ROUND);
        return some.isEmpty() ? null
                : new Round(kind, Uni.createFrom().deferred(() -> rounds.apply(some)), () -> pending.release(some));
    }
}
