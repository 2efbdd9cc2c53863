package dev.panorama.routing.dispatch;

import dev.panorama.kit.context.OwnContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs dispatch rounds right after something made routing possible, one round at a time in this replica, always
 * the most urgent first: rounds for agents whose slot freed (or who became available), then for tasks that became
 * routable, then the rounds of a full pass (which finds the agents with room and gives them rounds; they wait behind
 * every change, so the safety net never holds up a freed agent, and a new full pass starts only once the last one's
 * agents were served). Requests arriving during a round are gathered and served together by the next one, so a burst
 * of changes costs a few rounds, each with several offers, not one round per change.
 */
@ApplicationScoped
public class DispatchTrigger {

    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class);
    /** Agents or tasks one round takes, at most. */
    private static final int PER_ROUND = Dispatcher.AGENTS_PER_ROUND;

    private final Dispatcher dispatcher;
    private final Vertx vertx;
    /** Waiting in the order they were asked for, so none waits behind later ones; guarded by itself. */
    private final Set<String> agents = new LinkedHashSet<>();
    private final Set<UUID> tasks = new LinkedHashSet<>();
    /** The agents a full pass found with room, served after every change. */
    private final Set<String> swept = new LinkedHashSet<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean fullPass = new AtomicBoolean();
    private final RoundTimes stats = new RoundTimes();
    private int lastKind;

    /** How long the rounds of each kind took, logged (debug) every few seconds: where dispatch time goes. */
    private static final class RoundTimes {
        private static final String[] KINDS = {"agents", "tasks", "full", "swept"};
        private final long[] count = new long[4];
        private final long[] nanos = new long[4];
        private final long[] max = new long[4];
        private long since = System.nanoTime();

        void record(int kind, long took) {
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

    public DispatchTrigger(Dispatcher dispatcher, Vertx vertx) {
        this.dispatcher = dispatcher;
        this.vertx = vertx;
    }

    /** The agent may take more now (a slot freed, it became available, or it answered an offer). */
    public void agent(String agentId) {
        if (agentId != null) {
            agents(List.of(agentId));
        }
    }

    public void agents(Collection<String> agentIds) {
        add(agents, agentIds);
        kick();
    }

    /** The task waits and may be offered now (new, back in the queue, escalated, moved to another queue). */
    public void task(UUID taskId) {
        tasks(List.of(taskId));
    }

    public void tasks(Collection<UUID> taskIds) {
        add(tasks, taskIds);
        kick();
    }

    /**
     * A full pass: every available agent with room on a channel where tasks wait gets a round, after a change that
     * may concern many tasks (an agent left and gave its offers back) and on the sweeper's tick (the safety net).
     */
    public void soon() {
        fullPass.set(true);
        kick();
    }

    private void kick() {
        if (running.compareAndSet(false, true)) {
            OwnContext.run(vertx, this::next);
        }
    }

    /** Runs the most urgent round, then the next; stops when nothing is asked for. */
    private void next() {
        Uni<?> round;
        try {
            round = nextRound();
        } catch (RuntimeException failure) {
            // a round that throws before it starts must not leave this trigger marked as running for good
            round = Uni.createFrom().failure(failure);
        }
        if (round == null) {
            running.set(false);
            if (pending(agents) || pending(tasks) || pending(swept) || fullPass.get()) {
                kick();
            }
            return;
        }
        long started = System.nanoTime();
        round.subscribe().with(ignored -> {
            stats.record(lastKind, System.nanoTime() - started);
            again();
        }, failure -> {
            LOG.warnf("Dispatch round failed, the next request or tick retries: %s", failure.getMessage());
            again();
        });
    }

    private void again() {
        OwnContext.run(vertx, this::next);
    }

    private Uni<?> nextRound() {
        List<String> someAgents = take(agents);
        if (!someAgents.isEmpty()) {
            lastKind = 0;
            return dispatcher.forAgents(someAgents);
        }
        List<UUID> someTasks = take(tasks);
        if (!someTasks.isEmpty()) {
            lastKind = 1;
            return dispatcher.forTasks(someTasks);
        }
        List<String> someSwept = take(swept);
        if (!someSwept.isEmpty()) {
            lastKind = 3;
            return dispatcher.forAgents(someSwept);
        }
        if (fullPass.getAndSet(false)) {
            lastKind = 2;
            return dispatcher.agentsWithRoom().invoke(ids -> add(swept, ids));
        }
        return null;
    }

    private static <T> void add(Set<T> pending, Collection<T> items) {
        synchronized (pending) {
            pending.addAll(items);
        }
    }

    private static boolean pending(Set<?> pending) {
        synchronized (pending) {
            return !pending.isEmpty();
        }
    }

    /** The oldest requests, at most one round's worth. */
    private static <T> List<T> take(Set<T> pending) {
        List<T> taken = new ArrayList<>();
        synchronized (pending) {
            Iterator<T> it = pending.iterator();
            while (it.hasNext() && taken.size() < PER_ROUND) {
                taken.add(it.next());
                it.remove();
            }
        }
        return taken;
    }
}
