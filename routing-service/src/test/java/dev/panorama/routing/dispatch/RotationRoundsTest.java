package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.panorama.events.channel.Channel;
import dev.panorama.routing.api.HourlyTicks;
import dev.panorama.routing.tasks.NewTask;
import dev.panorama.routing.tasks.TaskLifecycle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rotation's new task is offered to the next agent with room after the queue's cursor however many agents before
 * that one are busy: its round reads the agents a page at a time, and reads on past pages in which nobody has room.
 * (Going round to the start is {@code RotationPagesTest}'s: other tests' agents may be available here, and a rotation
 * admits them all; this test's agents' ids follow each other, so none of theirs comes between.) The safety net's
 * ticks are an hour apart, so only the task's own round can have offered it.
 */
@QuarkusTest
@TestProfile(HourlyTicks.class)
class RotationRoundsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Pool pool;

    @Inject
    TaskLifecycle lifecycle;

    @Inject
    AgentDirectory directory;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String queue = "rotation-" + run;

    @AfterEach
    void cleanUp() {
        QueueCleanUp.endWorkOf(pool, queue, "rot-" + run + "-", WAIT);
    }

    @Test
    void aNewTaskGoesToTheNextAgentWithRoomAfterTheCursorPastAPageOfBusyAgents() {
        OffsetDateTime now = OffsetDateTime.now();
        sql("insert into routing_queue (id, name, strategy, sla_target_seconds, offer_timeout_seconds, wrap_up_seconds,"
                + " created_at, updated_at) values ($1, 'Rotation', 'ROUND_ROBIN', 30, 300, 30, now(), now())", queue);
        for (int i = 0; i < 40; i++) {
            insertAgent(i, now);
            if (i >= 1 && i <= 24) {
                // busy on its one video slot: the first page after the cursor holds nobody with room
                sql("insert into routing_task (id, state, channel, queue_id, priority, source, routing_key, created_at, queued_at,"
                        + " assigned_at, agent_id, updated_at) values ($1, 'ASSIGNED', 'VIDEO', $2, 10, 'API', now(), now(), now(), now(),"
                        + " $3, now())", UUID.randomUUID(), queue, agentId(i));
            }
        }
        for (int i = 0; i < 40; i++) {
            // as a notice of another replica's presence change would: no round for the agent, which could take a task
            // the moment it is created whatever the rotation's order
            directory.heardOf(agentId(i));
        }
        sql("update routing_queue set round_robin_cursor = $1 where id = $2", agentId(0), queue);

        assertThat(offeredTo(create())).isEqualTo(agentId(25));
        assertThat(offeredTo(create())).isEqualTo(agentId(26));
    }

    private UUID create() {
        return lifecycle.create(new NewTask(UUID.randomUUID(), Channel.VIDEO, queue, 10, List.of(), List.of(), List.of(), null, null,
                null, "API", "test")).await().atMost(WAIT).task().id();
    }

    private String offeredTo(UUID task) {
        return await().atMost(WAIT).until(() -> one("select state, agent_id from routing_task where id = $1", task),
                row -> "OFFERED".equals(row.getString("state"))).getString("agent_id");
    }

    /** An available agent with one video slot, written straight into the database. */
    private void insertAgent(int i, OffsetDateTime now) {
        String id = agentId(i);
        sql("insert into agent (id, presence, presence_since, idle_since, created_at, updated_at) values ($1, 'AVAILABLE', $2, $2, $2, $2)",
                id, now);
        sql("insert into agent_capacity values ($1, 'VIDEO', 1)", id);
    }

    private String agentId(int i) {
        return "rot-" + run + "-" + String.format("%03d", i);
    }

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(WAIT);
    }

    private Row one(String query, Object... params) {
        return pool.preparedQuery(query).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next();
    }
}
