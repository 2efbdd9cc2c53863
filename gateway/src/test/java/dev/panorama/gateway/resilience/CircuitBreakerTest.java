package dev.panorama.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures() {
        for (int i = 0; i < 2; i++) {
            assertThat(breaker.acquire()).isEmpty();
            breaker.failed();
        }
        breaker.succeeded();
        for (int i = 0; i < 3; i++) {
            assertThat(breaker.acquire()).isEmpty();
            breaker.failed();
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        advance(Duration.ofSeconds(4));
        assertThat(breaker.acquire()).contains(Duration.ofSeconds(6));
    }

    @Test
    void afterTheRestOneTrialGoesThroughAndItsOutcomeDecides() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        advance(Duration.ofSeconds(10));
        assertThat(breaker.acquire()).isEmpty();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.acquire()).isPresent(); // only one trial at a time
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        advance(Duration.ofSeconds(10));
        assertThat(breaker.acquire()).isEmpty();
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.acquire()).isEmpty();
    }

    @Test
    void anAbandonedTrialLetsTheNextOneGo() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        advance(Duration.ofSeconds(10));
        assertThat(breaker.acquire()).isEmpty();
        breaker.abandoned();
        assertThat(breaker.acquire()).isEmpty();
    }
}
