package dev.panorama.routing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Priority first, then age, and aging so that nothing starves. */
class RoutingOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final RoutingOrder ORDER = RoutingOrder.DEFAULT;

    @Property
    void atTheSameMomentTheHigherPriorityGoesFirst(@ForAll @IntRange(max = 99) int low, @ForAll @IntRange(min = 1, max = 100) int gap) {
        Task lower = task(low, T0);
        Task higher = task(Math.min(100, low + gap), T0);
        assertThat(ORDER.comparator().compare(higher, lower)).isNegative();
    }

    @Property
    void atTheSamePriorityTheOlderGoesFirst(@ForAll @IntRange(max = 100) int priority, @ForAll @IntRange(min = 1, max = 100_000) int later) {
        assertThat(ORDER.comparator().compare(task(priority, T0), task(priority, T0.plusMillis(later)))).isNegative();
    }

    @Property
    void aTaskThatWaitedLongEnoughGoesBeforeAnyNewcomer(@ForAll @IntRange(max = 100) int oldPriority,
            @ForAll @IntRange(max = 100) int newPriority, @ForAll @IntRange(min = 1, max = 3600) int extraSeconds) {
        Task waiting = task(oldPriority, T0);
        Instant newcomerArrives = T0.plus(ORDER.starvationBound()).plusSeconds(extraSeconds);
        assertThat(ORDER.comparator().compare(waiting, task(newPriority, newcomerArrives))).isNegative();
    }

    @Property
    void aHigherPriorityNewcomerOvertakesOnlyWithinItsHeadStart(@ForAll @IntRange(max = 99) int oldPriority,
            @ForAll @IntRange(min = 1, max = 100) int gap, @ForAll @IntRange(min = 0, max = 10_000) int waitedSeconds) {
        int newPriority = Math.min(100, oldPriority + gap);
        Task waiting = task(oldPriority, T0);
        Task newcomer = task(newPriority, T0.plusSeconds(waitedSeconds));
        Duration headStart = ORDER.pointWorth().multipliedBy(newPriority - oldPriority);
        boolean overtakes = ORDER.comparator().compare(newcomer, waiting) < 0;
        assertThat(overtakes).isEqualTo(Duration.ofSeconds(waitedSeconds).compareTo(headStart) < 0);
    }

    private static Task task(int priority, Instant createdAt) {
        return new Task(UUID.randomUUID(), Channel.EMAIL, "q", priority, List.of(), List.of(), List.of(), createdAt,
                createdAt, 0, Set.of());
    }
}
