package dev.panorama.interaction.ingest;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7, RFC 9562) for the interactions this service creates. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID timeOrdered(long epochMillis) {
        long most = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long least = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
