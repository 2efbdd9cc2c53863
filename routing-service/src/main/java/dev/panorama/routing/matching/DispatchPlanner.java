package dev.panorama.routing.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One dispatch round: the waiting tasks in serving order each get the best agent still free for them, and every
 * offer counts against the agent's capacity for the tasks after it. Pure: the caller has locked the tasks and the
 * agents and counted their load, and stores the plan.
 */
public record DispatchPlanner(Matcher matcher, RoutingOrder order) {

    /** One planned offer. */
    public record PlannedOffer(UUID taskId, String agentId, String queueId) {
    }

    /**
     * @param roundRobinCursors per queue, the agent its rotation served last; updated in place for the next round
     */
    public List<PlannedOffer> plan(Collection<Task> tasks, Map<String, QueuePolicy> queues, Collection<Agent> agents,
            Instant now, Map<String, String> roundRobinCursors) {
        Map<String, Agent> current = new LinkedHashMap<>();
        agents.forEach(agent -> current.put(agent.id(), agent));
        List<PlannedOffer> offers = new ArrayList<>();
        for (Task task : tasks.stream().sorted(order.comparator()).toList()) {
            QueuePolicy queue = queues.get(task.queueId());
            if (queue == null) {
                continue;
            }
            matcher.choose(task, queue, current.values(), now, roundRobinCursors.get(queue.id())).ifPresent(agent -> {
                current.put(agent.id(), agent.withOneMore(task.channel(), now));
                roundRobinCursors.put(queue.id(), agent.id());
                offers.add(new PlannedOffer(task.id(), agent.id(), queue.id()));
            });
        }
        return offers;
    }

    public static Map<String, String> noCursors() {
        return new HashMap<>();
    }
}
