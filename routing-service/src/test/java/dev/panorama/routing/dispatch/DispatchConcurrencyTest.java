package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.routing.agents.Caller;
import dev.panorama.routing.agents.Presence;
import dev.panorama.routing.offers.OfferAnswers;
import dev.panorama.routing.offers.OfferClosed;
import dev.panorama.routing.tasks.NewTask;
import dev.panorama.routing.tasks.TaskLifecycle;
import dev.panorama.routing.tasks.TaskState;
import dev.panorama.routing.tasks.TaskView;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many dispatch passes at once on the real PostgreSQL (plus the service's own timer, and agents coming and going
 * meanwhile) never offer a task twice and never push an agent beyond capacity; and the capacity there is, is used.
 */
@QuarkusTest
class DispatchConcurrencyTest {

    static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    Pool pool;

    @Inject
    Dispatcher dispatcher;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    Presence presence;

    @Inject
    OfferAnswers answers;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String skill = "conc-" + run;
    private final String queue = "conc-" + run;

    @AfterEach
    void cleanUp() {
        QueueCleanUp.endWorkOf(pool, queue, "conc-" + run + "-", WAIT);
    }

    @Test
    void parallelPassesNeverDoubleOfferATaskNorExceedCapacity() {
        int agents = 60;
        setUp(agents, 2, 300);

        List<Uni<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            passes.add(dispatcher.dispatch());
        }
        Uni.join().all(passes).andFailFast().await().atMost(WAIT);

        assertInvariants();
        // the service's own timer may still be committing a pass that the test's passes skipped
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from task_offer o"
                + " join routing_task t on t.id = o.task_id where t.queue_id = $1 and o.status = 'OPEN'", queue) == agents * 2);
        assertInvariants();
    }

    @Test
    void passesRacingPresenceChangesAndRejectionsKeepTheInvariants() {
        int agents = 40;
        setUp(agents, 2, 200);
        Random random = new Random(42);
        AtomicInteger rejected = new AtomicInteger();

        List<Uni<Void>> work = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            work.add(dispatcher.dispatch().replaceWithVoid());
            for (int i = 0; i < 8; i++) {
                String agent = agentId(random.nextInt(agents));
                AgentPresence to = random.nextBoolean() ? AgentPresence.AVAILABLE : AgentPresence.AWAY;
                work.add(presence.setFor(agent, to, Caller.routing()).replaceWithVoid());
            }
            work.add(rejectSomeOpenOffers(random.nextLong(), rejected));
        }
        Uni.join().all(work).andCollectFailures().await().atMost(WAIT);
        dispatcher.dispatch().await().atMost(WAIT);

        assertInvariants();
        assertThat(count("select count(*) from task_offer o join agent a on a.id = o.agent_id where o.status = 'OPEN'"
                + " and a.presence <> 'AVAILABLE' and a.id like $1", "conc-" + run + "-%"))
                .as("no open offer to an agent who left").isZero();
    }

    @Test
    void anOfferIsAcceptedOnceHoweverManyTimesItIsAnswered() {
        setUp(1, 1, 1);
        dispatcher.dispatch().await().atMost(WAIT);
        // the service's own timer may hold the task in a pass of its own: the offer is there once that commits
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from task_offer o"
                + " join routing_task t on t.id = o.task_id where t.queue_id = $1 and o.status = 'OPEN'", queue) == 1);
        Row offer = one("select o.id, o.agent_id from task_offer o join routing_task t on t.id = o.task_id"
                + " where t.queue_id = $1 and o.status = 'OPEN'", queue);
        Caller agent = new Caller(offer.getString("agent_id"), null, false);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        List<Uni<Void>> answersAtOnce = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answersAtOnce.add(answers.accept(agent, offer.getUUID("id"))
                    .invoke(accepted::incrementAndGet)
                    .onFailure(OfferClosed.class).invoke(refused::incrementAndGet)
                    .onFailure(OfferClosed.class).recoverWithNull().replaceWithVoid());
        }
        Uni.join().all(answersAtOnce).andFailFast().await().atMost(WAIT);

        assertThat(accepted).hasValue(1);
        assertThat(refused).hasValue(9);
        assertThat(count("select count(*) from routing_task where queue_id = $1 and state = 'ASSIGNED'", queue)).isEqualTo(1);
    }

    /**
     * The sweeper's safety net: a task whose round found nobody, and an agent who then came without any request
     * asking dispatch for a round (as when a replica stops between a commit and its round), still meet.
     */
    @Test
    void theSafetyNetOffersATaskNoRoundWasAskedForOnceItWaitedAnInterval() {
        setUp(0, 1, 1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from routing_task"
                + " where queue_id = $1 and state = 'QUEUED'", queue) == 1);

        insertAgent(0, 1, "AVAILABLE", OffsetDateTime.now());

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from task_offer o"
                + " join routing_task t on t.id = o.task_id where t.queue_id = $1 and o.status = 'OPEN'", queue) == 1);
        assertThat(one("select o.agent_id from task_offer o join routing_task t on t.id = o.task_id where t.queue_id = $1",
                queue).getString(0)).isEqualTo(agentId(0));
    }

    /**
     * Tasks created at once while agents have room are offered by the transactions that create them: a task answered
     * as offered has that very offer stored, creations racing each other push no agent beyond capacity, and the tasks
     * a creation could not offer (its agent held by another) are offered once those commit.
     */
    @Test
    void tasksCreatedAtOnceAreOfferedByTheTransactionsCreatingThemWithinCapacity() {
        int agents = 10;
        setUp(agents, 2, 0, "OFFLINE");
        for (int i = 0; i < agents; i++) {
            presence.setFor(agentId(i), AgentPresence.AVAILABLE, Caller.routing()).await().atMost(WAIT);
        }

        List<Uni<TaskView>> creations = new ArrayList<>();
        for (int i = 0; i < 3 * agents; i++) {
            creations.add(lifecycle.create(newTask(i)).map(TaskLifecycle.Created::task));
        }
        List<TaskView> answered = Uni.join().all(creations).andFailFast().await().atMost(WAIT);

        List<TaskView> offeredAtOnce = answered.stream().filter(task -> task.state() == TaskState.OFFERED).toList();
        assertThat(offeredAtOnce).as("tasks offered by the transaction that created them").isNotEmpty();
        for (TaskView task : offeredAtOnce) {
            Row stored = one("select o.agent_id, o.offered_at, t.state, t.agent_id as holder from task_offer o"
                    + " join routing_task t on t.id = o.task_id where o.task_id = $1 and o.status = 'OPEN'", task.id());
            assertThat(stored.getString("agent_id")).isEqualTo(task.agentId()).isEqualTo(stored.getString("holder"));
            assertThat(stored.getString("state")).isEqualTo("OFFERED");
            assertThat(stored.getOffsetDateTime("offered_at").toInstant()).isEqualTo(task.offeredAt());
        }
        assertThat(answered).filteredOn(task -> task.state() != TaskState.OFFERED)
                .allSatisfy(task -> assertThat(task.state()).isEqualTo(TaskState.QUEUED));
        assertInvariants();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from task_offer o"
                + " join routing_task t on t.id = o.task_id where t.queue_id = $1 and o.status = 'OPEN'", queue) == agents * 2);
        assertInvariants();
    }

    private Uni<Void> rejectSomeOpenOffers(long seed, AtomicInteger rejected) {
        return pool.preparedQuery("select o.id, o.agent_id from task_offer o join routing_task t on t.id = o.task_id"
                        + " where t.queue_id = $1 and o.status = 'OPEN' limit 5").execute(Tuple.of(queue))
                .chain(rows -> {
                    List<Uni<Void>> rejections = new ArrayList<>();
                    rows.forEach(row -> rejections.add(answers.reject(new Caller(row.getString("agent_id"), null, false), row.getUUID("id"))
                            .invoke(rejected::incrementAndGet).onFailure().recoverWithNull().replaceWithVoid()));
                    return rejections.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(rejections).andCollectFailures().replaceWithVoid();
                });
    }

    void assertInvariants() {
        assertThat(count("select count(*) from routing_task t where t.queue_id = $1 and t.state = 'OFFERED' and"
                + " (select count(*) from task_offer o where o.task_id = t.id and o.status = 'OPEN' and o.agent_id = t.agent_id) <> 1", queue))
                .as("each offered task has exactly one open offer, to its agent").isZero();
        assertThat(count("select count(*) from task_offer o join routing_task t on t.id = o.task_id where t.queue_id = $1"
                + " and o.status = 'OPEN' and t.state <> 'OFFERED'", queue)).as("no open offer for a task not offered").isZero();
        assertThat(count("select count(*) from (select t.agent_id, t.channel, count(*) as load from routing_task t"
                + " where t.state in ('OFFERED', 'ASSIGNED', 'WRAP_UP') and t.agent_id like $1 group by t.agent_id, t.channel) l"
                + " left join agent_capacity c on c.agent_id = l.agent_id and c.channel = l.channel"
                + " where l.load > coalesce(c.capacity, 0)", "conc-" + run + "-%")).as("no agent beyond capacity").isZero();
    }

    /** Agents holding the skill with {@code capacity} chats each, all available; tasks needing it, all queued. */
    private void setUp(int agents, int capacity, int tasks) {
        setUp(agents, capacity, tasks, "AVAILABLE");
    }

    void setUp(int agents, int capacity, int tasks, String presence) {
        OffsetDateTime now = OffsetDateTime.now();
        sql("insert into skill (name) values ($1)", skill);
        sql("insert into routing_queue (id, name, strategy, sla_target_seconds, offer_timeout_seconds, wrap_up_seconds,"
                + " created_at, updated_at) values ($1, 'Concurrency', 'BEST_SCORE', 30, 300, 30, now(), now())", queue);
        for (int i = 0; i < agents; i++) {
            insertAgent(i, capacity, presence, now);
        }
        List<Uni<Void>> created = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            created.add(lifecycle.create(newTask(i)).replaceWithVoid());
        }
        Uni.join().all(created).andFailFast().await().atMost(WAIT);
    }

    private NewTask newTask(int i) {
        return new NewTask(UUID.randomUUID(), Channel.CHAT, queue, i % 100, List.of(new SkillRequirement(skill, 1)), List.of(),
                List.of(), null, null, null, "API", "test");
    }

    /** An agent written straight into the database: no request, so nothing asks dispatch for a round for it. */
    private void insertAgent(int i, int capacity, String presence, OffsetDateTime now) {
        String id = agentId(i);
        pool.preparedQuery("insert into agent (id, presence, presence_since, idle_since, created_at, updated_at)"
                + " values ($1, $3, $2, $2, $2, $2)").execute(Tuple.of(id, now, presence)).await().atMost(WAIT);
        pool.preparedQuery("insert into agent_skill values ($1, $2, $3)").execute(Tuple.of(id, skill, (short) (1 + i % 5)))
                .await().atMost(WAIT);
        pool.preparedQuery("insert into agent_capacity values ($1, 'CHAT', $2)").execute(Tuple.of(id, capacity))
                .await().atMost(WAIT);
    }

    String agentId(int i) {
        return "conc-" + run + "-" + String.format("%03d", i);
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(WAIT);
    }

    long count(String query, Object... params) {
        return one(query, params).getLong(0);
    }

    Row one(String query, Object... params) {
        return pool.preparedQuery(query).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next();
    }
}
