package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WhileRunningTest {

    private final WhileRunning running = new WhileRunning();

    @Test
    void workWaitsForTheStartAndRunsAfterIt() {
        assertThat(running.enter()).as("before the start").isFalse();
        running.started();
        assertThat(running.enter()).as("after the start").isTrue();
        running.left();
        assertThat(running.enter()).as("and each time after").isTrue();
    }

    @Test
    void stoppingWaitsForTheWorkInFlightAndLetsNoMoreIn() throws Exception {
        running.started();
        assertThat(running.enter()).isTrue();
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                boolean ended = running.stop(Duration.ofMinutes(1));
                order.add("stopped");
                return ended;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (!running.stopping()) {
            Thread.onSpinWait();
        }
        assertThat(running.enter()).as("while stopping").isFalse();
        order.add("work ended");
        running.left();

        assertThat(stopped.get()).as("the work in flight ended").isTrue();
        assertThat(order).containsExactly("work ended", "stopped");
        assertThat(running.enter()).as("once stopped").isFalse();
    }

    @Test
    void stoppingWaitsNoLongerThanItsPatience() throws Exception {
        running.started();
        assertThat(running.enter()).isTrue();
        assertThat(running.stop(Duration.ZERO)).as("the work in flight had not ended").isFalse();
    }

    @Test
    void stoppingBeforeTheStartLetsNoWorkIn() throws Exception {
        assertThat(running.stop(Duration.ZERO)).isTrue();
        running.started();
        assertThat(running.enter()).isFalse();
    }
}
