package dev.panorama.routing.queues;

import dev.panorama.kit.problem.DomainException;

/** A queue that still holds tasks or receives another queue's overflow cannot be removed. */
public class QueueInUse extends DomainException {

    public QueueInUse(String queueId, String why) {
        super(Kind.CONFLICT, "queue-in-use", "Queue " + queueId + " " + why + ".");
    }
}
