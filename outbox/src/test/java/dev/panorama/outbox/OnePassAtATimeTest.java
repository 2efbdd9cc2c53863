package dev.panorama.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class OnePassAtATimeTest {

    /** Passes start when the test runs them, so what happens during a pass can be staged. */
    private final Deque<Runnable> started = new ArrayDeque<>();
    private final List<Throwable> failures = new ArrayList<>();
    private int passes;

    private OnePassAtATime passes(Supplier<Uni<Boolean>> pass) {
        return new OnePassAtATime(() -> {
            passes++;
            return pass.get();
        }, started::add, failures::add);
    }

    private void runStarted() {
        while (!started.isEmpty()) {
            started.poll().run();
        }
    }

    @Test
    void a_pass_that_throws_before_it_starts_does_not_stop_later_passes() {
        boolean[] ready = {false};
        OnePassAtATime relay = passes(() -> {
            if (!ready[0]) {
                throw new IllegalStateException("emitter not connected yet");
            }
            return Uni.createFrom().item(false);
        });
        relay.request();
        runStarted();
        ready[0] = true;
        relay.request();
        runStarted();
        assertThat(passes).isEqualTo(2);
        assertThat(failures).hasSize(1);
    }

    @Test
    void a_failed_pass_does_not_stop_later_passes() {
        OnePassAtATime relay = passes(() -> Uni.createFrom().failure(new IllegalStateException("database down")));
        relay.request();
        runStarted();
        relay.request();
        runStarted();
        assertThat(passes).isEqualTo(2);
    }

    @Test
    void requests_during_a_pass_are_served_by_one_more_pass() {
        List<Runnable> finish = new ArrayList<>();
        OnePassAtATime relay = passes(() -> Uni.createFrom().emitter(done -> finish.add(() -> done.complete(false))));
        relay.request();
        runStarted();
        relay.request();
        relay.request();
        relay.request();
        assertThat(started).isEmpty();
        finish.removeFirst().run();
        runStarted();
        finish.removeFirst().run();
        runStarted();
        assertThat(passes).isEqualTo(2);
        assertThat(finish).isEmpty();
    }

    @Test
    void a_pass_that_knows_more_waits_is_followed_by_another() {
        Deque<Boolean> more = new ArrayDeque<>(List.of(true, true, false));
        OnePassAtATime relay = passes(() -> Uni.createFrom().item(more.poll()));
        relay.request();
        runStarted();
        assertThat(passes).isEqualTo(3);
    }

    /** Passes started after a delay, by delay; the clock the spacing is measured on, in nanoseconds. */
    private final Map<Duration, Runnable> delayed = new LinkedHashMap<>();
    private long now;

    private OnePassAtATime spaced(Duration spacing, Supplier<Uni<Boolean>> pass) {
        return new OnePassAtATime(() -> {
            passes++;
            return pass.get();
        }, started::add, delayed::put, spacing, () -> now, failures::add);
    }

    @Test
    void with_a_spacing_a_pass_asked_for_during_another_starts_the_spacing_after_that_one_started() {
        List<Runnable> finish = new ArrayList<>();
        OnePassAtATime relay = spaced(Duration.ofMillis(50),
                () -> Uni.createFrom().emitter(done -> finish.add(() -> done.complete(false))));
        relay.request();
        runStarted();
        relay.request();
        relay.request();
        now += Duration.ofMillis(10).toNanos();
        finish.removeFirst().run();
        assertThat(started).isEmpty();
        assertThat(delayed).containsOnlyKeys(Duration.ofMillis(40));
        relay.request();
        assertThat(delayed).hasSize(1);
        now += Duration.ofMillis(40).toNanos();
        delayed.remove(Duration.ofMillis(40)).run();
        finish.removeFirst().run();
        assertThat(passes).isEqualTo(2);
        assertThat(delayed).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void with_a_spacing_a_request_long_after_the_last_pass_starts_one_at_once() {
        OnePassAtATime relay = spaced(Duration.ofMillis(50), () -> Uni.createFrom().item(false));
        relay.request();
        runStarted();
        now += Duration.ofMillis(50).toNanos();
        relay.request();
        runStarted();
        assertThat(passes).isEqualTo(2);
        assertThat(delayed).isEmpty();
    }

    @Test
    void with_a_spacing_a_pass_that_knows_more_waits_is_still_followed_at_once() {
        Deque<Boolean> more = new ArrayDeque<>(List.of(true, true, false));
        OnePassAtATime relay = spaced(Duration.ofMillis(50), () -> Uni.createFrom().item(more.poll()));
        relay.request();
        runStarted();
        assertThat(passes).isEqualTo(3);
        assertThat(delayed).isEmpty();
    }
}
