package dev.panorama.bench.routing;

import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.PgStatements;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import dev.panorama.routing.matching.EscalationAction;
import dev.panorama.routing.matching.EscalationStep;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.matching.Strategy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Routing on the real routing-service and devstack PostgreSQL, simulated from a fixed seed: agents set up through
 * the API, every task queued while they are offline, then all agents come online; simulated agents learn of their
 * offers from panorama.routing.events (TaskOffered), accept after a short delay and complete after a short handling
 * time, until every task is done. The same workload runs under the queue strategy BEST_SCORE and, as the baseline
 * of the same run, plain ROUND_ROBIN.
 *
 * <p>Measured per strategy: the p99 from a task becoming routable (it waits and its agent has a free slot on the
 * channel, replayed from the stored offers) to its offer; assignments per second sustained (between the 10th and
 * 90th percentile assignment); and the quality: share of tasks handled by an agent holding every required skill,
 * preferred-agent hit rate, average and p95 wait by priority (from when agents came online).
 *
 * <p>Then the backlog held steady ({@link SteadyBacklog}): every slot busy, the same tasks queued behind, and agents
 * finishing tasks at a fixed rate: how soon a freed slot gets the next task while the queue is long, and whether
 * assignments keep up with that rate.
 *
 * <p>Then the same tasks again, arriving at a steady rate while the agents are online (a second queue per strategy):
 * how soon a task that arrives is offered when routing is not flooded by a backlog all due at once.
 *
 * <p>Before any of it, both strategies run, unmeasured, on the first 2,000 tasks, again until the service's JIT compiler
 * has settled (a warm-up), and the REST calls go over HTTP/1.1 connections, as the gateway's do.
 *
 * <p>Arguments: agents (default 2000), tasks (default 10000), seed (default 42), arrivals per second of the paced
 * runs (default 100), finishes per second of the steady backlog's runs (default 500); run alone through Maven they may
 * come as {@code -Dbench.arguments="200 1000 42 100 500"}. Extra
 * JVM arguments for the service (a JFR recording, a log level) may come as {@code -Dbench.service-jvm-args="..."}
 * (system property {@code panorama.bench.service-jvm-args}); with
 * {@code -Dbench.jvm-arg=-Dpanorama.devstack.postgres.settings=shared_preload_libraries=pg_stat_statements} each run
 * also prints PostgreSQL's statements per assignment (see {@link PgStatements}). An experiment, not a way to run
 * routing: {@code -Dbench.jvm-arg=-Dpanorama.bench.routing.without-notify=true} disables the triggers that queue the
 * notices for agents' streams (the benchmark's agents hear of offers from Kafka), to see what the notices cost. To
 * compare builds on one phase, {@code -Dbench.jvm-arg=-Dpanorama.bench.routing.phases=paced} runs only those named
 * ({@code drain}, {@code steady}, {@code paced}; the warm-up always runs).
 */
public final class RoutingBench {

    static final String BENCH = "routing";
    /** The phases a run goes through after the warm-up, in this order ({@code panorama.bench.routing.phases} may name fewer). */
    private static final List<String> PHASES = List.of("drain", "steady", "paced");
    /** Answers of the simulated agents in flight at once, at most. */
    static final int AGENTS_IN_FLIGHT = Integer.getInteger("panorama.bench.routing.agents-in-flight", 512);
    /** Both queues' escalation: preferred agents for 2 s, then every qualified agent, then relaxed, then widened skills. */
    static final List<EscalationStep> STEPS = List.of(new EscalationStep(Duration.ofSeconds(2), EscalationAction.OPEN_TO_ALL_QUALIFIED, 0),
            new EscalationStep(Duration.ofSeconds(20), EscalationAction.RELAX_PROFICIENCY, 1),
            new EscalationStep(Duration.ofSeconds(60), EscalationAction.WIDEN_SKILLS, 0));
    static final QueuePolicy BEST = policy("bench-best", Strategy.BEST_SCORE);
    static final QueuePolicy ROUND_ROBIN = policy("bench-rr", Strategy.ROUND_ROBIN);
    private static final QueuePolicy BEST_PACED = policy("bench-best-paced", Strategy.BEST_SCORE);
    private static final QueuePolicy ROUND_ROBIN_PACED = policy("bench-rr-paced", Strategy.ROUND_ROBIN);
    private static final QueuePolicy BEST_STEADY = policy("bench-best-steady", Strategy.BEST_SCORE);
    private static final QueuePolicy ROUND_ROBIN_STEADY = policy("bench-rr-steady", Strategy.ROUND_ROBIN);
    /** The tasks that keep every slot busy before a steady backlog's run (no skills required). */
    private static final QueuePolicy FILL = policy("bench-fill", Strategy.ROUND_ROBIN);
    private static final QueuePolicy WARM_UP_BEST = policy("bench-warm-up-best", Strategy.BEST_SCORE);
    private static final QueuePolicy WARM_UP_ROUND_ROBIN = policy("bench-warm-up-rr", Strategy.ROUND_ROBIN);
    private static final QueuePolicy WARM_UP_BEST_PACED = policy("bench-warm-up-best-paced", Strategy.BEST_SCORE);
    private static final QueuePolicy WARM_UP_ROUND_ROBIN_PACED = policy("bench-warm-up-rr-paced", Strategy.ROUND_ROBIN);
    /** Tasks of the unmeasured warm-up per strategy, at most. */
    private static final int WARM_UP_TASKS = 2_000;
    private static final int WARM_UP_ROUNDS = 6;
    /** The share of the service's CPU its JIT compiler may still take in the last warm-up round. */
    private static final double JIT_SETTLED = 0.1;

    private RoutingBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int tasks = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        int perSecond = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int finishesPerSecond = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        RoutingSimulation simulation = new RoutingSimulation(agents, tasks, seed);
        DevStack stack = DevStack.shared().ensure(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK));
        String database = "routing_bench_" + System.currentTimeMillis();
        int port = Ports.free();
        try (ManagedProcess service = startService(stack, database, port);
                Connection db = stack.postgres().connect(database)) {
            RoutingApi api = new RoutingApi("http://127.0.0.1:" + port, 32);
            Ports.await("routing-service", Duration.ofMinutes(3), service, () -> api.status("/q/health/ready") == 200);
            setUp(api, simulation);
            if (Boolean.getBoolean("panorama.bench.routing.without-notify")) {
                db.createStatement().execute("alter table task_offer disable trigger task_offer_notify;"
                        + " alter table routing_task disable trigger routing_task_notify; alter table agent disable trigger agent_presence_notify");
                System.out.println("EXPERIMENT: agent notices (NOTIFY triggers) disabled");
            }
            System.out.printf("routing bench: %,d agents, %,d tasks, seed %d%n", agents, tasks, seed);
            PgStatements statements = new PgStatements(stack, database);
            warmUp(api, db, stack, statements, new RoutingSimulation(agents, Math.min(tasks, WARM_UP_TASKS), seed), seed);
            Set<String> phases = phases();
            if (phases.contains("drain")) {
                StrategyRun best = run(api, db, stack, statements, simulation, BEST, Arrivals.queuedBefore(), seed);
                StrategyRun roundRobin = run(api, db, stack, statements, simulation, ROUND_ROBIN, Arrivals.queuedBefore(), seed);
                report(best, roundRobin);
            }
            if (phases.contains("steady")) {
                System.out.printf("steady: the same %,d tasks queued behind agents whose every slot is busy; agents finish %,d tasks a second%n",
                        tasks, finishesPerSecond);
                StrategyRun bestSteady = SteadyBacklog.run(api, db, stack, statements, simulation, BEST_STEADY, FILL.id(), finishesPerSecond, seed);
                StrategyRun roundRobinSteady = SteadyBacklog.run(api, db, stack, statements, simulation, ROUND_ROBIN_STEADY, FILL.id(),
                        finishesPerSecond, seed);
                reportSteady(bestSteady, roundRobinSteady, finishesPerSecond);
            }
            if (phases.contains("paced")) {
                warmUpPaced(api, db, stack, statements, simulation, perSecond, seed);
                System.out.printf("paced: the same %,d tasks arriving at %,d/s while the agents are online%n", tasks, perSecond);
                StrategyRun bestPaced = run(api, db, stack, statements, simulation, BEST_PACED, Arrivals.paced(perSecond), seed);
                StrategyRun roundRobinPaced = run(api, db, stack, statements, simulation, ROUND_ROBIN_PACED, Arrivals.paced(perSecond), seed);
                reportPaced(bestPaced, roundRobinPaced, perSecond);
            }
        } finally {
            DevStack.stopShared();
        }
    }

    /** The phases to run ({@code drain}, {@code steady}, {@code paced}): all unless a comparison asks for fewer. */
    private static Set<String> phases() {
        Set<String> phases = Set.of(System.getProperty("panorama.bench.routing.phases", String.join(",", PHASES)).split(","));
        if (!PHASES.containsAll(phases)) {
            throw new IllegalArgumentException("panorama.bench.routing.phases: one or more of " + PHASES + ", got " + phases);
        }
        return phases;
    }

    private static void setUp(RoutingApi api, RoutingSimulation simulation) {
        api.all(RoutingSimulation.SKILLS, skill -> api.send("PUT", "/api/v1/routing/skills/" + skill, "{\"description\":\"bench\"}"), 200, 201);
        String steps = "[" + String.join(",", STEPS.stream().map(step -> "{\"afterSeconds\":" + step.after().toSeconds()
                + ",\"action\":\"" + step.action() + "\",\"amount\":" + step.amount() + "}").toList()) + "]";
        for (QueuePolicy queue : List.of(BEST, ROUND_ROBIN, BEST_STEADY, ROUND_ROBIN_STEADY, FILL, BEST_PACED, ROUND_ROBIN_PACED,
                WARM_UP_BEST, WARM_UP_ROUND_ROBIN, WARM_UP_BEST_PACED, WARM_UP_ROUND_ROBIN_PACED)) {
            api.all(List.of(queue.id()), id -> api.send("PUT", "/api/v1/routing/queues/" + id, "{\"name\":\"" + id
                    + "\",\"strategy\":\"" + queue.strategy() + "\",\"escalationSteps\":" + steps
                    + ",\"slaTargetSeconds\":30,\"offerTimeoutSeconds\":120,\"wrapUpSeconds\":0}"), 200, 201);
        }
        api.all(simulation.agents, agent -> api.send("PUT", "/api/v1/routing/agents/" + agent.id(),
                RoutingSimulation.agentJson(agent)), 201, 200);
    }

    /** A bench queue as the service will route it (30 s SLA target, no overflow). */
    private static QueuePolicy policy(String id, Strategy strategy) {
        return new QueuePolicy(id, strategy, STEPS, Duration.ofSeconds(30), Optional.empty());
    }

    /**
     * Both strategies on the first tasks of the workload, in queues of their own, unmeasured, and again until the
     * service's JIT compiler has settled (at most {@link #WARM_UP_ROUNDS} rounds): so that no measured run is one in
     * which the service and the benchmark compile their code. The benchmark's own CPU per assignment, for the same
     * calls in every run, was twice as high in the first measured run as in the next; after one round the service's
     * compiler threads still took 30 % of its CPU through the first seconds of the skill-based drain (async-profiler),
     * about 500 µs of the 1,780 µs per assignment that made it 455/s against the rotation's 544/s after it.
     */
    private static void warmUp(RoutingApi api, Connection db, DevStack stack, PgStatements statements,
            RoutingSimulation simulation, long seed) throws Exception {
        System.out.printf("warm-up, not measured: %,d tasks under each strategy, again until the service's JIT compiler has"
                + " settled (at most %.0f %% of its CPU; %d rounds at most)%n", simulation.tasks.size(), JIT_SETTLED * 100, WARM_UP_ROUNDS);
        for (int round = 1; ; round++) {
            CpuUse before = CpuUse.now();
            for (QueuePolicy queue : List.of(WARM_UP_BEST, WARM_UP_ROUND_ROBIN)) {
                run(api, db, stack, statements, simulation, queue, Arrivals.queuedBefore(), seed, false);
            }
            CpuUse used = CpuUse.now().since(before);
            boolean settled = used.serviceJitShare() <= JIT_SETTLED;
            System.out.printf("warm-up round %d: CPU per assignment %s%s%n", round, used.perItem(2L * simulation.tasks.size()),
                    settled ? " (settled)" : round == WARM_UP_ROUNDS ? " (still compiling at the limit)" : "");
            if (settled || round == WARM_UP_ROUNDS) {
                return;
            }
        }
    }

    /**
     * Both strategies once more, unmeasured, with tasks arriving as in the paced runs: a task offered as it is created
     * takes code paths a backlog never does, and at 100 tasks a second methods called once per task reach the JIT's
     * last tier only after a minute or more (in one recording the service's compiler threads took 16 % of its CPU
     * through the whole first paced run).
     */
    private static void warmUpPaced(RoutingApi api, Connection db, DevStack stack, PgStatements statements,
            RoutingSimulation simulation, int perSecond, long seed) throws Exception {
        int tasks = Integer.getInteger("panorama.bench.routing.paced-warm-up-tasks", simulation.tasks.size());
        if (tasks == 0) {
            return;
        }
        RoutingSimulation warmUp = new RoutingSimulation(simulation.agents.size(), tasks, seed);
        System.out.printf("paced warm-up, not measured: %,d tasks arriving at %,d/s under each strategy%n", tasks, perSecond);
        for (QueuePolicy queue : List.of(WARM_UP_BEST_PACED, WARM_UP_ROUND_ROBIN_PACED)) {
            run(api, db, stack, statements, warmUp, queue, Arrivals.paced(perSecond), seed, false);
        }
    }

    private static StrategyRun run(RoutingApi api, Connection db, DevStack stack, PgStatements statements,
            RoutingSimulation simulation, QueuePolicy policy, Arrivals arrivals, long seed) throws Exception {
        return run(api, db, stack, statements, simulation, policy, arrivals, seed, true);
    }

    /** One strategy: the tasks arrive (all before the agents come online, or paced), the agents work until every task is done. */
    private static StrategyRun run(RoutingApi api, Connection db, DevStack stack, PgStatements statements,
            RoutingSimulation simulation, QueuePolicy policy, Arrivals arrivals, long seed, boolean measured) throws Exception {
        String queue = policy.id();
        Map<UUID, RoutingSimulation.TaskSpec> specs = new ConcurrentHashMap<>();
        // a warm-up queue serves several runs: this run is done when this many more of its tasks are completed
        long doneBefore = tasksIn(db, queue, "COMPLETED");
        if (!arrivals.paced()) {
            arrivals.create(api, simulation, queue, specs);
        }
        // the agents answer as the people they play would, each on their own: their answers are not held to the
        // set-up's bound on requests in flight (a shared bound of 32 made the simulation, not the service, the limit)
        RoutingApi agents = api.withConcurrency(AGENTS_IN_FLIGHT);
        // paced, an offer may come before its task's creation was answered: the run's database holds no other live task
        Predicate<UUID> ours = arrivals.paced() ? task -> true : specs::containsKey;
        try (SimulatedAgents working = SimulatedAgents.start(agents, stack.kafka().bootstrapServers(), ours, new Random(seed))) {
            statements.reset();
            Instant online = Instant.now();
            CpuUse before = CpuUse.now();
            setPresence(api, simulation, "AVAILABLE");
            if (arrivals.paced()) {
                arrivals.create(api.withConcurrency(AGENTS_IN_FLIGHT), simulation, queue, specs);
            }
            awaitDone(db, queue, Math.toIntExact(doneBefore + simulation.tasks.size()));
            CpuUse used = CpuUse.now().since(before);
            String load = loadAverage();
            StrategyRun result = measured ? printMeasured(db, statements, simulation, policy, specs, online, used, load, Optional.empty(),
                    working.publishedOffers()) : null;
            setPresence(api, simulation, "OFFLINE");
            return result;
        }
    }

    /**
     * Prints a measured run's statements, CPU and figures, read while its agents are still online; the tasks of
     * {@code occupyingQueue} held slots during the run without being measured; {@code published}: when each offer the
     * agents received was published.
     */
    static StrategyRun printMeasured(Connection db, PgStatements statements, RoutingSimulation simulation, QueuePolicy policy,
            Map<UUID, RoutingSimulation.TaskSpec> specs, Instant online, CpuUse used, String load, Optional<String> occupyingQueue,
            Map<UUID, Instant> published) throws Exception {
        statements.print(specs.size());
        StrategyRun result = StrategyRun.measure(db, policy, simulation, specs, online, occupyingQueue);
        System.out.printf("%s: CPU per assignment %s; load average %s; %s%n", policy.id(), used.perItem(specs.size()), load,
                Pipeline.of(db, policy.id(), published));
        System.out.println(result);
        return result;
    }

    static void awaitDone(Connection db, String queue, int tasks) throws Exception {
        awaitTasks(db, queue, "COMPLETED", tasks, Duration.ofMinutes(20));
    }

    /** Waits until the queue holds this many tasks in the state. */
    static void awaitTasks(Connection db, String queue, String state, int tasks, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        long reached;
        while ((reached = tasksIn(db, queue, state)) < tasks) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(queue + ": only " + reached + " of " + tasks + " tasks " + state + " in " + within);
            }
            Thread.sleep(500);
        }
    }

    /** How many of the queue's tasks are in the state. */
    static long tasksIn(Connection db, String queue, String state) throws java.sql.SQLException {
        return count(db, "select count(*) from routing_task where queue_id = '" + queue + "' and state = '" + state + "'");
    }

    /** Every agent of the simulation to the presence, one request each. */
    static void setPresence(RoutingApi api, RoutingSimulation simulation, String presence) {
        api.all(simulation.agents, agent -> api.send("PUT", "/api/v1/routing/agents/" + agent.id() + "/presence",
                "{\"presence\":\"" + presence + "\"}"), 200);
    }

    private static void report(StrategyRun best, StrategyRun roundRobin) {
        System.out.printf("cost of skill-based scoring vs round-robin: p99 routable->offer x%.2f, assignments/s x%.2f%n",
                best.p99Millis() / roundRobin.p99Millis(), best.assignmentsPerSecond() / roundRobin.assignmentsPerSecond());
        BenchResults.figure(BENCH, "BEST_SCORE p99 routable to offer", best.p99Millis(), "ms", "ROUND_ROBIN p99",
                roundRobin.p99Millis(), Figure.Better.LOWER, "p99 < 50 ms");
        BenchResults.figure(BENCH, "BEST_SCORE assignments sustained", best.assignmentsPerSecond(), "/s", "ROUND_ROBIN",
                roundRobin.assignmentsPerSecond(), Figure.Better.HIGHER, ">= 500 assignments/s");
        BenchResults.figure(BENCH, "handled by an agent with every required skill", best.fullyQualifiedShare() * 100, "%",
                "ROUND_ROBIN", roundRobin.fullyQualifiedShare() * 100, Figure.Better.HIGHER, "");
        BenchResults.figure(BENCH, "preferred-agent hit rate", best.preferredHitRate() * 100, "%", "ROUND_ROBIN",
                roundRobin.preferredHitRate() * 100, Figure.Better.HIGHER, "");
        for (int priority : RoutingSimulation.PRIORITIES) {
            BenchResults.figure(BENCH, "average wait at priority " + priority, best.averageWait().get(priority), "ms",
                    "ROUND_ROBIN", roundRobin.averageWait().get(priority), Figure.Better.LOWER, "");
            BenchResults.figure(BENCH, "p95 wait at priority " + priority, best.p95Wait().get(priority), "ms",
                    "ROUND_ROBIN", roundRobin.p95Wait().get(priority), Figure.Better.LOWER, "");
        }
        BenchResults.latenciesMillis(BENCH, "routable to offer", "BEST_SCORE", best.latenciesMillis());
        BenchResults.latenciesMillis(BENCH, "routable to offer", "ROUND_ROBIN (baseline)", roundRobin.latenciesMillis());
    }

    private static void reportSteady(StrategyRun best, StrategyRun roundRobin, int finishesPerSecond) {
        String steady = ", backlog held steady, agents finishing " + finishesPerSecond + "/s";
        System.out.printf("steady, cost of skill-based scoring vs round-robin: p99 routable->offer x%.2f, assignments/s x%.2f%n",
                best.p99Millis() / roundRobin.p99Millis(), best.assignmentsPerSecond() / roundRobin.assignmentsPerSecond());
        BenchResults.figure(BENCH, "BEST_SCORE p99 routable to offer" + steady, best.p99Millis(), "ms", "ROUND_ROBIN p99",
                roundRobin.p99Millis(), Figure.Better.LOWER, "p99 < 50 ms");
        BenchResults.figure(BENCH, "BEST_SCORE p50 routable to offer" + steady, best.p50Millis(), "ms", "ROUND_ROBIN p50",
                roundRobin.p50Millis(), Figure.Better.LOWER, "");
        BenchResults.figure(BENCH, "BEST_SCORE assignments sustained" + steady, best.assignmentsPerSecond(), "/s", "ROUND_ROBIN",
                roundRobin.assignmentsPerSecond(), Figure.Better.HIGHER, ">= 500 assignments/s");
        BenchResults.figure(BENCH, "handled by an agent with every required skill" + steady, best.fullyQualifiedShare() * 100, "%",
                "ROUND_ROBIN", roundRobin.fullyQualifiedShare() * 100, Figure.Better.HIGHER, "");
        BenchResults.latenciesMillis(BENCH, "routable to offer" + steady, "BEST_SCORE", best.latenciesMillis());
        BenchResults.latenciesMillis(BENCH, "routable to offer" + steady, "ROUND_ROBIN (baseline)", roundRobin.latenciesMillis());
    }

    private static void reportPaced(StrategyRun best, StrategyRun roundRobin, int perSecond) {
        String arriving = ", tasks arriving at " + perSecond + "/s";
        BenchResults.figure(BENCH, "BEST_SCORE p99 routable to offer" + arriving, best.p99Millis(), "ms", "ROUND_ROBIN p99",
                roundRobin.p99Millis(), Figure.Better.LOWER, "p99 < 50 ms");
        BenchResults.figure(BENCH, "BEST_SCORE p50 routable to offer" + arriving, best.p50Millis(), "ms", "ROUND_ROBIN p50",
                roundRobin.p50Millis(), Figure.Better.LOWER, "");
        BenchResults.latenciesMillis(BENCH, "routable to offer" + arriving, "BEST_SCORE", best.latenciesMillis());
        BenchResults.latenciesMillis(BENCH, "routable to offer" + arriving, "ROUND_ROBIN (baseline)", roundRobin.latenciesMillis());
    }

    private static ManagedProcess startService(DevStack stack, String database, int port) {
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-Dpanorama.services.profile-service.url=http://127.0.0.1:9"));
        stack.quarkusConfig(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK), database)
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        // opt-in, to see where the service's time goes: e.g. a JFR recording, or the dispatch rounds' times at DEBUG
        // (-Dquarkus.log.category."dev.panorama.routing.dispatch".level=DEBUG)
        command.addAll(BenchArguments.serviceJvm());
        command.addAll(List.of("-jar", Path.of("..", "routing-service", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("routing-service", command, Map.of(), stack.settings().logDir().resolve("routing-bench.log"),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    /** The 1, 5 and 15 minute load averages, to print beside a figure measured on a shared machine. */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static long count(Connection db, String query) throws java.sql.SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
