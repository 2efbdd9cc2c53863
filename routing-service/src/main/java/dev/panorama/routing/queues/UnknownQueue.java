package dev.panorama.routing.queues;

import dev.panorama.kit.problem.DomainException;

/** No queue has this id: 404 when it is the resource asked for, 422 when a request refers to it. */
public class UnknownQueue extends DomainException {

    private UnknownQueue(Kind kind, String queueId) {
        super(kind, "unknown-queue", "No queue " + queueId + ".");
    }

    public static UnknownQueue asked(String queueId) {
        return new UnknownQueue(Kind.NOT_FOUND, queueId);
    }

    public static UnknownQueue referred(String queueId) {
        return new UnknownQueue(Kind.UNPROCESSABLE, queueId);
    }
}
