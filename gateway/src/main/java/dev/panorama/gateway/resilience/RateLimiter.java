package dev.panorama.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets, one per caller: a sustained rate plus a burst, refilled continuously. */
public final class RateLimiter {

    /** The rate and burst one caller gets. */
    public record Limit(double perSecond, int burst) {

        public Limit {
            if (perSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("a limit needs a positive rate and a burst of at least 1");
            }
        }
    }

    private static final int PRUNE_ABOVE = 100_000;
    private static final long IDLE_NANOS = Duration.ofMinutes(5).toNanos();

    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Takes one request from the caller's bucket: empty when admitted, else how long until the next is. */
    public Optional<Duration> acquire(String caller, Limit limit) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.idleSince(now) > IDLE_NANOS);
        }
        return buckets.computeIfAbsent(caller, key -> new Bucket(limit.burst(), now)).take(limit, now);
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Optional<Duration> take(Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - updatedAt) / 1e9 * limit.perSecond());
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9)));
        }

        synchronized long idleSince(long now) {
            return now - updatedAt;
        }
    }
}
