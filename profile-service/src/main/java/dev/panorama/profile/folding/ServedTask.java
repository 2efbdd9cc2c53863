package dev.panorama.profile.folding;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.TaskOutcome;
import java.time.Instant;

/** A routing task for the customer: who served it and how it ended; each stage is kept on its own. */
public record ServedTask(String taskId, Created created, Assigned assigned, Completed completed) implements Entry<ServedTask> {

    public record Created(Channel channel, String queueId, int priority, Instant createdAt) {
    }

    public record Assigned(String agentId, Channel channel, String queueId, Instant assignedAt) {
    }

    public record Completed(String agentId, TaskOutcome outcome, String disposition, Instant completedAt) {
    }

    @Override
    public String key() {
        return taskId;
    }

    @Override
    public ServedTask join(ServedTask other) {
        return new ServedTask(taskId, Later.of(created, other.created, Created::createdAt),
                Later.of(assigned, other.assigned, Assigned::assignedAt),
                Later.of(completed, other.completed, Completed::completedAt));
    }

    /** The agent who served, as the completion or else the assignment names them. */
    public String agentId() {
        if (completed != null && completed.agentId() != null) {
            return completed.agentId();
        }
        return assigned == null ? null : assigned.agentId();
    }

    /** When the customer last had this task's attention. */
    public Instant lastAt() {
        if (completed != null) {
            return completed.completedAt();
        }
        if (assigned != null) {
            return assigned.assignedAt();
        }
        return created == null ? null : created.createdAt();
    }
}
