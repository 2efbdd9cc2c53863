package dev.panorama.routing.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.panorama.kit.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class StatisticsCoreTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void aRangeIsReadWithHourAsTheDefaultInterval() {
        StatisticsRange range = StatisticsRange.of("2026-11-30T00:00:00Z", "2026-12-01T00:00:00Z", null);
        assertThat(range.interval()).isEqualTo(Interval.HOUR);
        assertThat(StatisticsRange.of("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "day").interval()).isEqualTo(Interval.DAY);
    }

    @Test
    void reversedMissingUnreadableOrTooLongRangesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> StatisticsRange.of("2026-12-01T00:00:00Z", "2026-11-30T00:00:00Z", "HOUR"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatisticsRange.of(null, "2026-11-30T00:00:00Z", "HOUR")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatisticsRange.of("yesterday", "2026-11-30T00:00:00Z", "HOUR")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatisticsRange.of("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "HOUR"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> StatisticsRange.of("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "WEEK"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(StatisticsRange.of("2026-01-01T00:00:00Z", "2026-03-01T00:00:00Z", "DAY").interval()).isEqualTo(Interval.DAY);
    }

    @Test
    void anSlaShareIsTheMetPartOfTheAnsweredAndNoneWhenNothingWasAnswered() {
        assertThat(SlaShare.of(2, 3).share()).isEqualTo(0.6667);
        assertThat(SlaShare.of(0, 0).share()).isNull();
        assertThatThrownBy(() -> SlaShare.of(4, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void taskAndOfferFiguresOfTheSameKeyAndBucketBecomeOneRowInKeyAndTimeOrder() {
        Instant t1 = T0.plusSeconds(3600);
        List<Bucket> joined = BucketTable.join(
                List.of(Bucket.ofTasks("support", t1, 2, 10.0, 18.0, 300.0, 1, 0), Bucket.ofTasks("billing", T0, 1, 5.0, 5.0, 60.0, 0, 1)),
                List.of(Bucket.ofOffers("support", t1, 4, 2, 1, 1), Bucket.ofOffers("support", T0, 1, 0, 0, 1)));
        assertThat(joined).extracting(Bucket::key, Bucket::start)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("billing", T0), org.assertj.core.groups.Tuple.tuple("support", T0),
                        org.assertj.core.groups.Tuple.tuple("support", t1));
        Bucket both = joined.get(2);
        assertThat(both.handled()).isEqualTo(2);
        assertThat(both.averageWaitSeconds()).isEqualTo(10.0);
        assertThat(both.offered()).isEqualTo(4);
        assertThat(both.timedOut()).isEqualTo(1);
        assertThat(joined.get(1).handled()).isZero();
        assertThat(joined.get(1).averageWaitSeconds()).isNull();
    }

    @Property
    void everyInstantFallsInsideItsBucket(@ForAll @LongRange(min = 0, max = 4_000_000_000L) long epochSecond,
            @ForAll Interval interval) {
        Instant at = Instant.ofEpochSecond(epochSecond);
        Instant start = interval.bucketOf(at);
        assertThat(start).isBeforeOrEqualTo(at);
        assertThat(start.plus(interval.width())).isAfter(at);
        assertThat(interval.bucketOf(start)).isEqualTo(start);
    }

    @Property
    void aShareLiesBetweenZeroAndOneAndGrowsWithTheMet(@ForAll @LongRange(min = 1, max = 1_000_000) long total,
            @ForAll @LongRange(min = 0, max = 1_000_000) long met) {
        long within = Math.min(met, total);
        SlaShare share = SlaShare.of(within, total);
        assertThat(share.share()).isBetween(0.0, 1.0);
        if (within < total) {
            assertThat(SlaShare.of(within + 1, total).share()).isGreaterThanOrEqualTo(share.share());
        }
    }
}
