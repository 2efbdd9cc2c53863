package dev.panorama.routing.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562) for the tasks and offers routing creates. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID next(Instant now) {
        long most = (now.toEpochMilli() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
