package dev.panorama.bench.routing;

import dev.panorama.bench.KeptAliveHttp;
import dev.panorama.bench.Pacing;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How a run's tasks arrive: all queued before the agents come online (a backlog due at once), or one after another at
 * a steady rate while they are online, each sent at its own time whether or not the earlier ones were answered.
 */
record Arrivals(int perSecond) {

    static Arrivals queuedBefore() {
        return new Arrivals(0);
    }

    static Arrivals paced(int perSecond) {
        return new Arrivals(perSecond);
    }

    boolean paced() {
        return perSecond > 0;
    }

    /** Creates the simulation's tasks in the queue; returns once all are, each one's id put in {@code created}. */
    void create(RoutingApi api, RoutingSimulation simulation, String queue, Map<UUID, RoutingSimulation.TaskSpec> created) {
        create(api, simulation.tasks, queue, created);
    }

    /** Creates these tasks in the queue; returns once all are, each one's id put in {@code created}. */
    void create(RoutingApi api, List<RoutingSimulation.TaskSpec> tasks, String queue, Map<UUID, RoutingSimulation.TaskSpec> created) {
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < tasks.size(); i++) {
            if (paced()) {
                Pacing.waitUntil(start + i * TimeUnit.SECONDS.toNanos(1) / perSecond);
            }
            RoutingSimulation.TaskSpec task = tasks.get(i);
            answers.add(api.sendForBody("POST", "/api/v1/routing/tasks", RoutingSimulation.taskJson(task, queue))
                    .thenApply(answer -> remember(answer, task, created)));
        }
        answers.forEach(answer -> {
            int status = answer.join();
            if (status != 201) {
                throw new IllegalStateException("HTTP " + status + " creating a task in " + queue);
            }
        });
    }

    private static int remember(KeptAliveHttp.Answer answer, RoutingSimulation.TaskSpec task,
            Map<UUID, RoutingSimulation.TaskSpec> created) {
        if (answer.status() == 201) {
            String body = answer.text();
            int at = body.indexOf("\"id\":\"") + 6;
            created.put(UUID.fromString(body.substring(at, at + 36)), task);
        }
        return answer.status();
    }
}
