package dev.panorama.routing.tasks;

import java.util.EnumSet;
import java.util.Set;

/** A routing task's lifecycle. */
public enum TaskState {
    CREATED, QUEUED, OFFERED, ASSIGNED, WRAP_UP, COMPLETED, CANCELLED, EXPIRED;

    public static final Set<TaskState> ENDED = EnumSet.of(COMPLETED, CANCELLED, EXPIRED);
    /** States in which the task holds a slot of its agent's capacity. */
    public static final Set<TaskState> WITH_AGENT = EnumSet.of(OFFERED, ASSIGNED, WRAP_UP);

    public boolean ended() {
        return ENDED.contains(this);
    }
}
