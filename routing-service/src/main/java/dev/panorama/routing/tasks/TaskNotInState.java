package dev.panorama.routing.tasks;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** The task's lifecycle does not allow this step now (e.g. wrapping up a task that is still queued). */
public class TaskNotInState extends DomainException {

    public TaskNotInState(UUID taskId, TaskState state, String step) {
        super(Kind.CONFLICT, "task-state", "Task " + taskId + " is " + state + "; it cannot " + step + ".");
    }
}
