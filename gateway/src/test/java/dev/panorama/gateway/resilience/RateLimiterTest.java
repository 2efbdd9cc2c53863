package dev.panorama.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);
    private final RateLimiter.Limit twoPerSecondBurstFour = new RateLimiter.Limit(2, 4);

    @Test
    void aBurstPassesThenTheCallerWaitsForTheRate() {
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("a", twoPerSecondBurstFour)).isEmpty();
        }
        assertThat(limiter.acquire("a", twoPerSecondBurstFour)).contains(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(limiter.acquire("a", twoPerSecondBurstFour)).isEmpty();
        assertThat(limiter.acquire("a", twoPerSecondBurstFour)).isPresent();
    }

    @Test
    void callersAreLimitedSeparately() {
        for (int i = 0; i < 4; i++) {
            limiter.acquire("a", twoPerSecondBurstFour);
        }
        assertThat(limiter.acquire("a", twoPerSecondBurstFour)).isPresent();
        assertThat(limiter.acquire("b", twoPerSecondBurstFour)).isEmpty();
    }

    @Property
    void noCallerGetsMoreThanBurstPlusRateTimesElapsed(@ForAll @IntRange(min = 1, max = 3000) int requests,
                                                       @ForAll @IntRange(min = 1, max = 50) int stepMillis) {
        AtomicLong clock = new AtomicLong();
        RateLimiter fresh = new RateLimiter(clock::get);
        int admitted = 0;
        for (int i = 0; i < requests; i++) {
            if (fresh.acquire("c", twoPerSecondBurstFour).isEmpty()) {
                admitted++;
            }
            clock.addAndGet(Duration.ofMillis(stepMillis).toNanos());
        }
        double elapsedSeconds = (double) requests * stepMillis / 1000;
        assertThat(admitted).isLessThanOrEqualTo((int) (4 + 2 * elapsedSeconds) + 1);
    }
}
