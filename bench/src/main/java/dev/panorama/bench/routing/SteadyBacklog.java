package dev.panorama.bench.routing;

import dev.panorama.bench.CpuUse;
import dev.panorama.bench.Pacing;
import dev.panorama.bench.PgStatements;
import dev.panorama.devstack.DevStack;
import dev.panorama.routing.matching.QueuePolicy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The backlog held steady, as a contact centre carries its queue through the day: every slot of every agent busy
 * (with tasks of a filler queue, no skills required), the workload's tasks queued behind them, then agents finishing
 * tasks at a fixed rate, each finish sent at its own time whether or not earlier ones were answered (open loop). Each
 * finish frees a slot that the first queued task its agent may take should fill at once; the tasks that wait are
 * routable only then. Finishes are drawn per channel in proportion to the workload's tasks still waiting there, so
 * freed slots are where the queue needs them; every held task ends in the order it was accepted.
 *
 * <p>Measured over the workload's tasks: routable (the slot freed, or the escalation step admitting the agent) to
 * offer, replayed with the filler tasks holding their slots, and the assignments per second sustained: whether
 * routing keeps up with the rate at which agents free up while the queue is long.
 */
final class SteadyBacklog {

    private static final List<String> CHANNELS = List.of("CHAT", "EMAIL");
    private static final Duration HELD_IDLE = Duration.ofSeconds(10);
    private static final int HELD_IDLE_WINDOWS = Integer.getInteger("panorama.bench.routing.held-idle-windows", 0);

    private final Map<UUID, RoutingSimulation.TaskSpec> specs = new ConcurrentHashMap<>();
    private final Map<UUID, RoutingSimulation.TaskSpec> fillers = new ConcurrentHashMap<>();
    /** Accepted tasks per channel, oldest first: what the agents finish next. */
    private final Map<String, Queue<UUID>> held = Map.of("CHAT", new ConcurrentLinkedQueue<>(), "EMAIL", new ConcurrentLinkedQueue<>());
    /** The workload's tasks per channel not accepted yet. */
    private final Map<String, AtomicInteger> waiting = Map.of("CHAT", new AtomicInteger(), "EMAIL", new AtomicInteger());
    private final Random draws;

    private SteadyBacklog(long seed) {
        this.draws = new Random(seed);
    }

    /** One strategy's run: slots filled from {@code fillQueue}, the workload queued in the policy's queue, then finishes at {@code perSecond}. */
    static StrategyRun run(RoutingApi api, Connection db, DevStack stack, PgStatements statements, RoutingSimulation simulation,
            QueuePolicy policy, String fillQueue, int perSecond, long seed) throws Exception {
        return new SteadyBacklog(seed).measure(api, db, stack, statements, simulation, policy, fillQueue, perSecond, seed);
    }

    private StrategyRun measure(RoutingApi api, Connection db, DevStack stack, PgStatements statements,
            RoutingSimulation simulation, QueuePolicy policy, String fillQueue, int perSecond, long seed) throws Exception {
        RoutingApi agents = api.withConcurrency(RoutingBench.AGENTS_IN_FLIGHT);
        try (SimulatedAgents working = SimulatedAgents.holding(agents, stack.kafka().bootstrapServers(),
                task -> specs.containsKey(task) || fillers.containsKey(task), new Random(seed), this::accepted)) {
            List<RoutingSimulation.TaskSpec> filling = fillersFor(simulation.agents.size());
            // the filler queue serves both strategies' runs: this run's fillers are done when this many more are completed
            long fillersDoneBefore = RoutingBench.tasksIn(db, fillQueue, "COMPLETED");
            Arrivals.queuedBefore().create(api, filling, fillQueue, fillers);
            RoutingBench.setPresence(api, simulation, "AVAILABLE");
            RoutingBench.awaitTasks(db, fillQueue, "ASSIGNED", filling.size(), Duration.ofMinutes(10));
            simulation.tasks.forEach(task -> waiting.get(task.channel()).incrementAndGet());
            Arrivals.queuedBefore().create(api, simulation, policy.id(), specs);
            // the filling's own events (created, offered, assigned: three per slot) are published before the clock starts
            awaitOutboxPublished(db);
            printHeldIdle(policy, statements, simulation.tasks.size());
            statements.reset();
            Instant start = Instant.now();
            CpuUse before = CpuUse.now();
            finishAtPace(working, perSecond);
            CpuUse used = CpuUse.now().since(before);
            String load = RoutingBench.loadAverage();
            StrategyRun result = RoutingBench.printMeasured(db, statements, simulation, policy, specs, start, used, load,
                    Optional.of(fillQueue), working.publishedOffers());
            finishAll(working);
            RoutingBench.awaitDone(db, policy.id(), simulation.tasks.size());
            RoutingBench.awaitTasks(db, fillQueue, "COMPLETED", Math.toIntExact(fillersDoneBefore + filling.size()),
                    Duration.ofMinutes(10));
            RoutingBench.setPresence(api, simulation, "OFFLINE");
            return result;
        }
    }

    /**
     * An experiment, off unless {@code -Dbench.jvm-arg=-Dpanorama.bench.routing.held-idle-windows=N}: before the finishes
     * start, N windows of {@link #HELD_IDLE} in which nothing finishes (every slot busy, the workload queued), each
     * printing what every part used of a core: the cost of holding the backlog, apart from the cost of routing. It
     * shifts the run against the escalation steps (those due meanwhile are taken before the finishes start).
     */
    private static void printHeldIdle(QueuePolicy policy, PgStatements statements, int tasks) throws InterruptedException {
        for (int window = 1; window <= HELD_IDLE_WINDOWS; window++) {
            statements.reset();
            CpuUse before = CpuUse.now();
            Thread.sleep(HELD_IDLE);
            System.out.printf("%s: held idle, window %d of %d s (nothing finishing): CPU %s of a core; load average %s%n",
                    policy.id(), window, HELD_IDLE.toSeconds(), CpuUse.now().since(before).shareOfCore(HELD_IDLE),
                    RoutingBench.loadAverage());
            statements.print(tasks);
        }
    }

    /** Exactly the slots of the agents: no skill required, so any agent takes any of them. */
    private static List<RoutingSimulation.TaskSpec> fillersFor(int agents) {
        List<RoutingSimulation.TaskSpec> filling = new ArrayList<>();
        RoutingSimulation.CAPACITY.forEach((channel, slots) -> {
            for (int i = 0; i < agents * slots; i++) {
                filling.add(new RoutingSimulation.TaskSpec(channel, Map.of(), 0, List.of()));
            }
        });
        return filling;
    }

    private void accepted(UUID task) {
        RoutingSimulation.TaskSpec spec = specs.get(task);
        boolean measured = spec != null;
        String channel = measured ? spec.channel() : fillers.get(task).channel();
        held.get(channel).add(task);
        if (measured) {
            waiting.get(channel).decrementAndGet();
        }
    }

    /** Finishes held tasks at the given rate until every task of the workload was accepted. */
    private void finishAtPace(SimulatedAgents working, int perSecond) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MINUTES.toNanos(20);
        for (long i = 0; ; i++) {
            int chat = Math.max(0, waiting.get("CHAT").get());
            int email = Math.max(0, waiting.get("EMAIL").get());
            if (chat + email == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException((chat + email) + " tasks still waiting after 20 minutes");
            }
            Pacing.waitUntil(start + i * TimeUnit.SECONDS.toNanos(1) / perSecond);
            String first = draws.nextInt(chat + email) < chat ? "CHAT" : "EMAIL";
            nextHeld(first).ifPresent(working::complete);
        }
    }

    /** The oldest held task of the channel, else of the other channel. */
    private Optional<UUID> nextHeld(String channel) {
        UUID task = held.get(channel).poll();
        if (task == null) {
            task = held.get(CHANNELS.get(1 - CHANNELS.indexOf(channel))).poll();
        }
        return Optional.ofNullable(task);
    }

    /** Every task still held ends now (the run is over). */
    private void finishAll(SimulatedAgents working) {
        for (String channel : CHANNELS) {
            UUID task;
            while ((task = held.get(channel).poll()) != null) {
                working.complete(task);
            }
        }
    }

    private static void awaitOutboxPublished(Connection db) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (RoutingBench.count(db, "select count(*) from outbox_event") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("events still unpublished after 5 minutes");
            }
            Thread.sleep(200);
        }
    }
}
