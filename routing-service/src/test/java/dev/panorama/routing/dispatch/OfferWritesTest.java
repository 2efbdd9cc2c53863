package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.outbox.OutboxRepository;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.tasks.NewTask;
import dev.panorama.routing.tasks.TaskLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one statement that stores planned offers takes a task only while it still waits as the row version the plan
 * read: a task changed since is left as it is, with no offer and no event.
 */
@QuarkusTest
class OfferWritesTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    Pool pool;

    @Inject
    OfferWrites writes;

    @Inject
    TaskLifecycle lifecycle;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String queue = "writes-" + run;
    private final String skill = "writes-" + run;
    private final String agent = "writes-" + run + "-agent";

    @AfterEach
    void cleanUp() {
        sql("update task_offer set status = 'WITHDRAWN' where status = 'OPEN' and agent_id = $1", agent);
        sql("update routing_task set state = 'CANCELLED' where queue_id = $1", queue);
    }

    @Test
    void anOfferIsStoredOnlyOnTheTaskAsThePlanReadIt() {
        UUID task = waitingTaskAndOfflineAgent();
        SqlConnection relayHeldOff = relayTurnHeld();
        try {
            storedOnlyAsThePlanReadIt(task);
        } finally {
            relayHeldOff.query("rollback").execute().await().atMost(WAIT);
            relayHeldOff.close().await().atMost(WAIT);
        }
    }

    /** The outbox relay deletes an event's row once it has relayed it; while a test holds its turn, it waits. */
    private SqlConnection relayTurnHeld() {
        SqlConnection connection = pool.getConnection().await().atMost(WAIT);
        connection.query("begin").execute().await().atMost(WAIT);
        connection.query(OutboxRepository.RELAY_TURN).execute().await().atMost(WAIT);
        return connection;
    }

    private void storedOnlyAsThePlanReadIt(UUID task) {
        String readByThePlan = rowVersion(task);
        sql("update routing_task set escalation_level = 1 where id = $1", task);

        assertThat(store(task, readByThePlan)).as("tasks taken on a row version changed since").isEmpty();
        assertThat(one("select state from routing_task where id = $1", task).getString(0)).isEqualTo("QUEUED");
        assertThat(count("select count(*) from task_offer where task_id = $1", task)).isZero();
        assertThat(count("select count(*) from outbox_event where payload->>'taskId' = $1 and payload ? 'offerId'",
                task.toString())).isZero();

        assertThat(store(task, rowVersion(task))).as("tasks taken on the current row version").containsExactly(task);
        Row offered = one("select state, agent_id from routing_task where id = $1", task);
        assertThat(offered.getString("state")).isEqualTo("OFFERED");
        assertThat(offered.getString("agent_id")).isEqualTo(agent);
        assertThat(count("select count(*) from task_offer where task_id = $1 and agent_id = $2 and status = 'OPEN'", task, agent))
                .isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where payload->>'taskId' = $1 and payload ? 'offerId'",
                task.toString())).isEqualTo(1);
    }

    private UUID waitingTaskAndOfflineAgent() {
        sql("insert into skill (name) values ($1)", skill);
        sql("insert into routing_queue (id, name, strategy, sla_target_seconds, offer_timeout_seconds, wrap_up_seconds,"
                + " created_at, updated_at) values ($1, 'Writes', 'BEST_SCORE', 30, 300, 30, now(), now())", queue);
        sql("insert into agent (id, presence, presence_since, created_at, updated_at) values ($1, 'OFFLINE', now(), now(), now())",
                agent);
        UUID task = UUID.randomUUID();
        lifecycle.create(new NewTask(task, Channel.CHAT, queue, 10, List.of(new SkillRequirement(skill, 1)), List.of(), List.of(),
                null, null, null, "API", "test")).await().atMost(WAIT);
        return task;
    }

    private Set<UUID> store(UUID task, String rowVersion) {
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(300);
        OfferStore.NewOffer offer = new OfferStore.NewOffer(Ids.next(now), task, agent, now, expires);
        RoutingEvents.Pending event = new RoutingEvents.Pending(new TaskOffered(task, offer.id(), agent, null, now, expires), null, now);
        return pool.withTransaction(connection -> writes.store(connection,
                List.of(new OfferWrites.Planned(task, rowVersion, offer, event)), now)).await().atMost(WAIT);
    }

    private String rowVersion(UUID task) {
        return one("select xmin::text from routing_task where id = $1", task).getString(0);
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(WAIT);
    }

    private long count(String query, Object... params) {
        return one(query, params).getLong(0);
    }

    private Row one(String query, Object... params) {
        return pool.preparedQuery(query).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next();
    }
}
