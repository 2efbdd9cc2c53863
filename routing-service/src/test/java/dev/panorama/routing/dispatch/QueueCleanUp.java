package dev.panorama.routing.dispatch;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;

/** What a dispatch test leaves behind, ended: so that no later test's round sees its queue's work or its agents. */
final class QueueCleanUp {

    private QueueCleanUp() {
    }

    /** Withdraws the queue's open offers, cancels its live tasks and takes the agents whose ids start so offline. */
    static void endWorkOf(Pool pool, String queue, String agentIdPrefix, Duration wait) {
        run(pool, wait, "update task_offer set status = 'WITHDRAWN' where status = 'OPEN' and task_id in"
                + " (select id from routing_task where queue_id = $1)", queue);
        run(pool, wait, "update routing_task set state = 'CANCELLED' where queue_id = $1"
                + " and state not in ('COMPLETED', 'CANCELLED', 'EXPIRED')", queue);
        run(pool, wait, "update agent set presence = 'OFFLINE' where id like $1", agentIdPrefix + "%");
    }

    private static void run(Pool pool, Duration wait, String statement, String parameter) {
        pool.preparedQuery(statement).execute(Tuple.of(parameter)).await().atMost(wait);
    }
}
