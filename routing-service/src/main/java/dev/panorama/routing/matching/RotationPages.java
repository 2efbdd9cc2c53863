package dev.panorama.routing.matching;

import dev.panorama.routing.matching.DispatchPlanner.PlannedOffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents a rotation's round reads, a page at a time in the rotation's own order: first those after the queue's
 * cursor in id order, then from the start. A rotation takes the first agent in that order who may take the task, so
 * a round whose plan on the pages read so far found each task's agent before the end of those pages, each after the
 * one before it, has the plan a read of every agent would give; only otherwise is the next page read. With most agents
 * free, one short page instead of every agent the queue admits.
 */
public final class RotationPages {

    private final List<String> order;
    private final Map<String, Integer> positions = new HashMap<>();
    private int read;

    private RotationPages(List<String> order) {
        this.order = order;
        for (int i = 0; i < order.size(); i++) {
            positions.put(order.get(i), i);
        }
    }

    /**
     * Pages for a round whose tasks all wait in one rotation; empty for any other round (skill-based scoring looks at
     * every agent it admits, and tasks of several rotations start from several cursors).
     *
     * @param admitted the agents the tasks' queue admits, in id order
     * @param cursors  per queue, the agent its rotation served last
     */
    public static Optional<RotationPages> of(Collection<Task> tasks, Map<String, QueuePolicy> queues, Map<String, String> cursors,
            List<String> admitted) {
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        String queueId = tasks.iterator().next().queueId();
        QueuePolicy queue = queues.get(queueId);
        if (queue == null || queue.strategy() != Strategy.ROUND_ROBIN
                || tasks.stream().anyMatch(task -> !task.queueId().equals(queueId))) {
            return Optional.empty();
        }
        String cursor = cursors.get(queueId);
        int after = cursor == null ? 0 : afterCursor(admitted, cursor);
        List<String> order = new ArrayList<>(admitted.size());
        order.addAll(admitted.subList(after, admitted.size()));
        order.addAll(admitted.subList(0, after));
        return Optional.of(new RotationPages(Collections.unmodifiableList(order)));
    }

    /** The index of the first id after the cursor (ids in order; the size if none is). */
    private static int afterCursor(List<String> ids, String cursor) {
        int found = Collections.binarySearch(ids, cursor);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The next {@code size} agents in the rotation's order (fewer at its end). */
    public List<String> next(int size) {
        int from = read;
        read = Math.min(order.size(), read + size);
        return order.subList(from, read);
    }

    /** Whether every agent the queue admits has been read. */
    public boolean allRead() {
        return read >= order.size();
    }

    /**
     * Whether a plan on the pages read so far is the plan on every agent: each of the round's tasks got an agent, each
     * further on in the rotation than the one before (a plan that went round to the start went past agents not read).
     */
    public boolean decides(List<PlannedOffer> plan, int tasks) {
        if (plan.size() < tasks) {
            return false;
        }
        int previous = -1;
        for (PlannedOffer offer : plan) {
            int position = positions.getOrDefault(offer.agentId(), -1);
            if (position <= previous || position >= read) {
                return false;
            }
            previous = position;
        }
        return true;
    }
}
