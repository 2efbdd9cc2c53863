package dev.panorama.routing.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The width of a historical bucket; buckets start on whole UTC hours or days. */
public enum Interval {
    HOUR(ChronoUnit.HOURS, Duration.ofDays(31)),
    DAY(ChronoUnit.DAYS, Duration.ofDays(366));

    private final ChronoUnit unit;
    private final Duration longestRange;

    Interval(ChronoUnit unit, Duration longestRange) {
        this.unit = unit;
        this.longestRange = longestRange;
    }

    /** The bucket an instant falls in. */
    public Instant bucketOf(Instant at) {
        return at.truncatedTo(unit);
    }

    public Duration width() {
        return unit.getDuration();
    }

    /** The longest range one question may span at this interval (bounds the work and the answer). */
    public Duration longestRange() {
        return longestRange;
    }

    /** The PostgreSQL date_trunc field. */
    public String sqlField() {
        return name().toLowerCase();
    }
}
