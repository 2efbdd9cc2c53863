package dev.panorama.routing.tasks;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** No task has this id. */
public class UnknownTask extends DomainException {

    public UnknownTask(UUID taskId) {
        super(Kind.NOT_FOUND, "unknown-task", "No task " + taskId + ".");
    }
}
