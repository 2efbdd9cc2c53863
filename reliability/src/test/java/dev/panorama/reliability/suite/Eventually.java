package dev.panorama.reliability.suite;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;

/** Bounded waiting for the suite to catch up after its faults (backlogs drain on two loaded cores). */
public final class Eventually {

    private Eventually() {
    }

    public static void assertThat(String what, Duration patience, ThrowingRunnable assertion) {
        await(what).atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().untilAsserted(assertion);
    }
}
