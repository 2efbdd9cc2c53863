package dev.panorama.routing.statistics;

import java.time.Instant;

/**
 * The figures of one queue or agent in one bucket. Task figures count the tasks that ended in the bucket, offer
 * figures the offers made in it. Waits run from the task's creation to its assignment, handle times from the
 * assignment to the end (wrap-up included). Seconds are null where no task contributes.
 *
 * @param abandoned tasks cancelled before anyone took them
 * @param expired   tasks that waited past their queue's maximum wait
 * @param timedOut  offers left unanswered until they expired
 */
public record Bucket(String key, Instant start, long handled, Double averageWaitSeconds, Double p90WaitSeconds,
        Double averageHandleSeconds, long abandoned, long expired, long offered, long accepted, long rejected,
        long timedOut) {

    /** A bucket with task figures only. */
    public static Bucket ofTasks(String key, Instant start, long handled, Double averageWait, Double p90Wait,
            Double averageHandle, long abandoned, long expired) {
        return new Bucket(key, start, handled, averageWait, p90Wait, averageHandle, abandoned, expired, 0, 0, 0, 0);
    }

    /** A bucket with offer figures only. */
    public static Bucket ofOffers(String key, Instant start, long offered, long accepted, long rejected, long timedOut) {
        return new Bucket(key, start, 0, null, null, null, 0, 0, offered, accepted, rejected, timedOut);
    }

    /** The task figures of this bucket with the offer figures of the other (same key and start). */
    public Bucket withOffersOf(Bucket offers) {
        return new Bucket(key, start, handled, averageWaitSeconds, p90WaitSeconds, averageHandleSeconds, abandoned, expired,
                offered + offers.offered, accepted + offers.accepted, rejected + offers.rejected, timedOut + offers.timedOut);
    }
}
