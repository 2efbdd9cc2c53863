package dev.panorama.routing.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.routing.scale.ScaleHistory.StoredOffer;
import dev.panorama.routing.scale.ScaleHistory.StoredTask;
import dev.panorama.routing.scale.ScaleWorkload.AgentSpec;
import dev.panorama.routing.scale.ScaleWorkload.TaskSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two routing-service processes (the packaged jar) on one PostgreSQL database and one Kafka broker: hundreds of
 * agents and thousands of tasks created through both, then random accepts, rejects, offers left to time out and
 * presence changes against both, from a fixed seed. Then the run winds down (long offer time-outs, every agent
 * available, every offer accepted, every task completed) and every invariant is checked from the database and from
 * panorama.routing.events: no task ever had two open offers, no agent ever held more than its capacity on a channel
 * (replayed at every TaskOffered and TaskAssigned moment), no agent was offered a task without the skills its
 * escalation step required, and every task ended completed, handled by the agent who accepted it, nothing lost.
 */
class RoutingScaleOutIT {

    private static final long SEED = 20261202L;
    private static final int AGENTS = Integer.getInteger("routing.scale.agents", 300);
    private static final int TASKS = Integer.getInteger("routing.scale.tasks", 2000);
    private static final Duration DRIVE = Duration.ofSeconds(Long.getLong("routing.scale.drive-seconds", 30));
    private static final String QUEUE = "scale";
    /** Preferred agents only for 2 s, then all qualified, then one proficiency level less after 5 s. */
    private static final String STEPS = "[{\"afterSeconds\":2,\"action\":\"OPEN_TO_ALL_QUALIFIED\",\"amount\":0},"
            + "{\"afterSeconds\":5,\"action\":\"RELAX_PROFICIENCY\",\"amount\":1}]";
    private static final List<String> PRESENCES = List.of("AVAILABLE", "AVAILABLE", "AVAILABLE", "AWAY", "BUSY", "OFFLINE");

    private static DevStack stack;
    private static String database;
    private static final List<RoutingInstance> instances = new ArrayList<>();
    private static final AtomicReference<Token> token = new AtomicReference<>();
    private static final ExecutorService clients = Executors.newFixedThreadPool(12);

    private final ScaleWorkload workload = new ScaleWorkload("agent", AGENTS, TASKS, SEED);
    private final Random random = new Random(SEED);
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final List<String> liveViolations = new CopyOnWriteArrayList<>();
    private final Map<UUID, TaskSpec> specs = new ConcurrentHashMap<>();
    private int turn;

    private record Token(String value, Instant fetched) {
    }

    @BeforeAll
    static void startTwoInstances() {
        stack = DevStack.shared().ensure(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK));
        database = "routing_scale_" + System.currentTimeMillis();
        Map<String, String> settings = Map.of(
                // an agent who turned a task down may get it again soon, so a small pool of qualified agents settles
                "panorama.routing.turn-down-cooldown", "2s",
                "panorama.routing.dispatch-interval", "500ms",
                "panorama.services.profile-service.url", "http://127.0.0.1:9");
        for (String name : List.of("routing-scale-a", "routing-scale-b")) {
            instances.add(RoutingInstance.start(name, stack, database, settings, RoutingScaleOutIT::token));
        }
        instances.forEach(RoutingInstance::awaitReady);
    }

    @AfterAll
    static void stopInstances() {
        clients.shutdownNow();
        instances.forEach(RoutingInstance::close);
    }

    @Test
    void twoInstancesKeepEveryInvariantUnderRandomTraffic() throws Exception {
        try (Connection db = stack.postgres().connect(database)) {
            setUp();
            drive(db);
            windDown(db);

            assertThat(serverErrors).as("no 5xx from either instance").isEmpty();
            assertThat(liveViolations).as("invariants sampled while running").isEmpty();
            ScaleHistory history = ScaleHistory.read(db, QUEUE);
            checkStored(history);
            checkEvents(history);
            System.out.printf("scale-out run: %d agents, %d tasks, %d offers, answers by status %s%n", AGENTS, TASKS,
                    history.offersByTask.values().stream().mapToInt(List::size).sum(), statuses);
        } catch (AssertionError | RuntimeException failure) {
            instances.forEach(instance -> System.out.println(instance.logTail()));
            throw failure;
        }
    }

    // --- the run

    private void setUp() {
        for (String skill : ScaleWorkload.SKILLS) {
            expect(next().call("PUT", "/api/v1/routing/skills/" + skill, "{\"description\":\"scale\"}"), 200, 201);
        }
        queue(2);
        inParallel(workload.agents.stream().map(agent -> (Runnable) () -> setUpAgent(agent, next())).toList());
    }

    private void setUpAgent(AgentSpec agent, RoutingInstance instance) {
        expect(instance.call("PUT", "/api/v1/routing/agents/" + agent.id(), ScaleWorkload.agentJson(agent)), 201);
        expect(instance.call("PUT", "/api/v1/routing/agents/" + agent.id() + "/presence", "{\"presence\":\"AVAILABLE\"}"), 200);
    }

    private void queue(int offerTimeoutSeconds) {
        expect(next().call("PUT", "/api/v1/routing/queues/" + QUEUE, "{\"name\":\"Scale\",\"strategy\":\"BEST_SCORE\","
                + "\"escalationSteps\":" + STEPS + ",\"slaTargetSeconds\":10,\"offerTimeoutSeconds\":" + offerTimeoutSeconds
                + ",\"wrapUpSeconds\":1}"), 200, 201);
    }

    /** Tasks arrive in bursts through both instances while agents answer at random and come and go. */
    private void drive(Connection db) throws SQLException {
        Instant end = Instant.now().plus(DRIVE);
        int created = 0;
        while (created < TASKS || Instant.now().isBefore(end)) {
            List<Runnable> actions = new ArrayList<>();
            for (int i = 0; i < 60 && created < TASKS; i++, created++) {
                TaskSpec task = workload.tasks.get(created);
                RoutingInstance instance = next();
                UUID customer = new UUID(SEED, created);
                actions.add(() -> createTask(instance, task, customer));
            }
            for (String[] offer : openOffers(db)) {
                int dice = random.nextInt(100);
                RoutingInstance instance = next();
                if (dice < 50) {
                    actions.add(() -> expect(instance.call("POST", "/api/v1/routing/offers/" + offer[0] + "/acceptance", null), 200, 409));
                } else if (dice < 65) {
                    actions.add(() -> expect(instance.call("POST", "/api/v1/routing/offers/" + offer[0] + "/rejection", null), 200, 409));
                }
                // else: left to time out
            }
            for (String task : held(db)) {
                int dice = random.nextInt(100);
                RoutingInstance instance = next();
                if (dice < 30) {
                    actions.add(() -> expect(instance.call("POST", "/api/v1/routing/tasks/" + task + "/completion", "{}"), 200, 409));
                } else if (dice < 45) {
                    actions.add(() -> expect(instance.call("POST", "/api/v1/routing/tasks/" + task + "/wrap-up", "{}"), 200, 409));
                }
            }
            for (int i = 0; i < 8; i++) {
                String agent = workload.agents.get(random.nextInt(AGENTS)).id();
                String presence = PRESENCES.get(random.nextInt(PRESENCES.size()));
                RoutingInstance instance = next();
                actions.add(() -> expect(instance.call("PUT", "/api/v1/routing/agents/" + agent + "/presence",
                        "{\"presence\":\"" + presence + "\"}"), 200, 400, 409));
            }
            inParallel(actions);
            sampleInvariants(db);
            pause(150);
        }
    }

    /** Offers stop timing out, every agent comes back, every offer is accepted and every task completed. */
    private void windDown(Connection db) throws SQLException {
        queue(3600);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (count(db, "select count(*) from routing_task where queue_id = '" + QUEUE + "' and state <> 'COMPLETED'") > 0) {
            assertThat(Instant.now()).as("the run settles within 2 minutes of the wind-down").isBefore(deadline);
            List<Runnable> actions = new ArrayList<>();
            for (String agent : strings(db, "select id from agent where presence in ('AWAY', 'BUSY', 'OFFLINE')")) {
                RoutingInstance instance = next();
                actions.add(() -> expect(instance.call("PUT", "/api/v1/routing/agents/" + agent + "/presence",
                        "{\"presence\":\"AVAILABLE\"}"), 200, 400, 409));
            }
            for (String[] offer : openOffers(db)) {
                RoutingInstance instance = next();
                actions.add(() -> expect(instance.call("POST", "/api/v1/routing/offers/" + offer[0] + "/acceptance", null), 200, 409));
            }
            for (String task : strings(db, "select id from routing_task where queue_id = '" + QUEUE + "' and state in ('ASSIGNED', 'WRAP_UP')")) {
                RoutingInstance instance = next();
                actions.add(() -> expect(instance.call("POST", "/api/v1/routing/tasks/" + task + "/completion", "{}"), 200, 409));
            }
            inParallel(actions);
            sampleInvariants(db);
            pause(300);
        }
    }

    private void createTask(RoutingInstance instance, TaskSpec task, UUID customer) {
        RoutingInstance.Answer answer = instance.call("POST", "/api/v1/routing/tasks", ScaleWorkload.taskJson(task, QUEUE, customer));
        expect(answer, 201);
        if (answer.status() == 201) {
            int at = answer.body().indexOf("\"id\":\"") + 6;
            specs.put(UUID.fromString(answer.body().substring(at, at + 36)), task);
        }
    }

    // --- the invariants

    /** Snapshots while the run goes on: one open offer per offered task and none beyond, nobody over capacity. */
    private void sampleInvariants(Connection db) throws SQLException {
        long doubleOffers = count(db, "select count(*) from (select task_id from task_offer where status = 'OPEN'"
                + " group by task_id having count(*) > 1) d");
        long strayOffers = count(db, "select count(*) from task_offer o join routing_task t on t.id = o.task_id"
                + " where o.status = 'OPEN' and (t.state <> 'OFFERED' or t.agent_id <> o.agent_id)");
        long overCapacity = count(db, "select count(*) from (select agent_id, channel, count(*) as load from routing_task"
                + " where state in ('OFFERED', 'ASSIGNED', 'WRAP_UP') group by agent_id, channel) l left join agent_capacity c"
                + " on c.agent_id = l.agent_id and c.channel = l.channel where l.load > coalesce(c.capacity, 0)");
        if (doubleOffers + strayOffers + overCapacity > 0) {
            liveViolations.add(Instant.now() + ": tasks with two open offers " + doubleOffers + ", open offers not matching their task "
                    + strayOffers + ", agent channels over capacity " + overCapacity);
        }
    }

    private void checkStored(ScaleHistory history) {
        assertThat(history.tasks).as("every task created is stored, none lost").hasSize(TASKS);
        assertThat(specs.keySet()).containsExactlyInAnyOrderElementsOf(history.tasks.keySet());
        assertThat(history.tasks.values()).as("every task completed").allMatch(task -> task.state().equals("COMPLETED"));
        for (StoredTask task : history.tasks.values()) {
            List<StoredOffer> offers = history.offersByTask.getOrDefault(task.id(), List.of());
            List<StoredOffer> accepted = offers.stream().filter(offer -> offer.status().equals("ACCEPTED")).toList();
            assertThat(accepted).as("task %s accepted exactly once", task.id()).hasSize(1);
            assertThat(accepted.getFirst().agentId()).as("task %s handled by the agent who accepted it", task.id()).isEqualTo(task.agentId());
            assertThat(offers).as("task %s has no offer left open", task.id()).noneMatch(offer -> offer.status().equals("OPEN"));
        }
        assertThat(history.overlappingOffers()).as("no task ever had two open offers").isEmpty();
        assertThat(skillViolations(history)).as("every offer went to an agent with the skills of the task's step").isEmpty();
    }

    /**
     * The step a task can have reached when offered follows from how long it had waited: before 2 s only preferred
     * agents (if it names any), from 5 s one proficiency level less; the skills themselves are always required.
     */
    private List<String> skillViolations(ScaleHistory history) {
        List<String> violations = new ArrayList<>();
        for (List<StoredOffer> offers : history.offersByTask.values()) {
            for (StoredOffer offer : offers) {
                StoredTask task = history.tasks.get(offer.taskId());
                TaskSpec spec = specs.get(task.id());
                Duration waited = Duration.between(task.createdAt(), offer.offeredAt());
                int relax = waited.compareTo(Duration.ofSeconds(5)) >= 0 ? 1 : 0;
                Map<String, Integer> held = workload.agent(offer.agentId()).skills();
                spec.required().forEach((skill, min) -> {
                    if (held.getOrDefault(skill, 0) < Math.max(1, min - relax)) {
                        violations.add(offer.agentId() + " offered task " + task.id() + " after " + waited + " holding " + skill
                                + " at " + held.getOrDefault(skill, 0) + ", needed " + min);
                    }
                });
                if (waited.compareTo(Duration.ofSeconds(2)) < 0 && !spec.preferred().isEmpty() && !spec.preferred().contains(offer.agentId())) {
                    violations.add(offer.agentId() + " offered task " + task.id() + " after " + waited + " though it was held for "
                            + spec.preferred());
                }
            }
        }
        return violations;
    }

    private void checkEvents(ScaleHistory history) {
        long offers = history.offersByTask.values().stream().mapToLong(List::size).sum();
        Map<String, Integer> expected = Map.of("TaskCreated", TASKS, "TaskOffered", (int) offers,
                "TaskAssigned", TASKS, "TaskCompleted", TASKS);
        history.readEvents(stack.kafka().bootstrapServers(), expected, Duration.ofSeconds(90));
        assertThat(history.eventsOf("TaskCreated")).as("a TaskCreated per task").isEqualTo(TASKS);
        assertThat(history.eventsOf("TaskOffered")).as("a TaskOffered per stored offer").isEqualTo(offers);
        assertThat(history.eventsOf("TaskAssigned")).as("a TaskAssigned per task").isEqualTo(TASKS);
        assertThat(history.eventsOf("TaskCompleted")).as("a TaskCompleted per task").isEqualTo(TASKS);
        assertThat(history.overCapacity(ScaleWorkload.CAPACITY)).as("no agent over capacity at any offer or assignment").isEmpty();
    }

    // --- plumbing

    private RoutingInstance next() {
        return instances.get(turn++ % instances.size());
    }

    private void expect(RoutingInstance.Answer answer, int... allowed) {
        statuses.computeIfAbsent(answer.status(), k -> new AtomicLong()).incrementAndGet();
        if (answer.status() >= 500 || answer.status() < 0) {
            serverErrors.add(answer.status() + " " + answer.body());
        }
        for (int status : allowed) {
            if (status == answer.status()) {
                return;
            }
        }
        if (answer.status() < 500) {
            serverErrors.add("unexpected " + answer.status() + " " + answer.body());
        }
    }

    private static void inParallel(List<Runnable> actions) {
        List<Future<?>> running = actions.stream().map(clients::submit).<Future<?>>map(future -> future).toList();
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String[]> openOffers(Connection db) throws SQLException {
        List<String[]> offers = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("select id, task_id from task_offer where status = 'OPEN' order by id")) {
            while (rows.next()) {
                offers.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return offers;
    }

    private static List<String> held(Connection db) throws SQLException {
        return strings(db, "select id from routing_task where queue_id = '" + QUEUE + "' and state = 'ASSIGNED' order by id");
    }

    private static List<String> strings(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long count(Connection db, String query) throws SQLException {
        try (ResultSet rows = db.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One login a minute: Keycloak's brute-force guard refuses a user's logins that come too quickly after another. */
    private static synchronized String token() {
        return token.updateAndGet(cached -> cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(60))
                ? cached : new Token(KeycloakTokens.forUser("ada"), Instant.now())).value();
    }
}
