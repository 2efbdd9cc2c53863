package dev.panorama.routing.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The order in which waiting tasks are served: by priority, then by age, with aging so nothing starves. Each
 * priority point is worth a fixed head start in waiting time: a task is served as if it had arrived
 * {@code priority x pointWorth} earlier. The resulting key does not change while the task waits, so a database
 * index can hold the order; and a task that has waited {@code 100 x pointWorth} goes before any newcomer.
 */
public record RoutingOrder(Duration pointWorth) {

    public static final RoutingOrder DEFAULT = new RoutingOrder(Duration.ofSeconds(6));

    public RoutingOrder {
        if (pointWorth.isNegative() || pointWorth.isZero()) {
            throw new IllegalArgumentException("a priority point must be worth some waiting time");
        }
    }

    /** The moment the task is ranked at: the earlier, the sooner it is served. */
    public Instant key(Instant createdAt, int priority) {
        return createdAt.minus(pointWorth.multipliedBy(priority));
    }

    public Instant key(Task task) {
        return key(task.createdAt(), task.priority());
    }

    /** Serving order; ties (same key) by creation, then id, so every instance agrees. */
    public Comparator<Task> comparator() {
        return Comparator.comparing((Task task) -> key(task)).thenComparing(Task::createdAt).thenComparing(Task::id);
    }

    /** How long a task of the lowest priority waits at most before it outranks a newcomer of the highest. */
    public Duration starvationBound() {
        return pointWorth.multipliedBy(Task.MAX_PRIORITY - Task.MIN_PRIORITY);
    }
}
