package dev.panorama.routing.statistics;

/**
 * Of the tasks a queue answered in a window, how many within its SLA target.
 *
 * @param share met / total, rounded to 4 places; null when nothing was answered (no share to speak of)
 */
public record SlaShare(long met, long total, Double share) {

    public static SlaShare of(long met, long total) {
        if (met < 0 || total < 0 || met > total) {
            throw new IllegalArgumentException("met must be within 0..total");
        }
        return new SlaShare(met, total, total == 0 ? null : Math.round(met * 10_000.0 / total) / 10_000.0);
    }
}
