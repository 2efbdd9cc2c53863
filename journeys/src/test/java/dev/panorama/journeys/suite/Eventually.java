package dev.panorama.journeys.suite;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;

/** Bounded waiting for what travels asynchronously (Kafka events between the services). */
public final class Eventually {

    /** Long enough for a loaded 2-core machine running the whole suite; a healthy suite needs about a second. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Eventually() {
    }

    public static void assertThat(String what, ThrowingRunnable assertion) {
        await(what).atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().untilAsserted(assertion);
    }
}
