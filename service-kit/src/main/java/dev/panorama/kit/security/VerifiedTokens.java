package dev.panorama.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.SecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Caller identities of bearer tokens that were verified in full (signature, issuer, expiry), kept by
 * the exact token text until the token expires or {@code maxAge} passes, whichever comes first. A token
 * differing in a single character is a different key, so a tampered or forged token never matches.
 */
public final class VerifiedTokens {

    /** A verified caller and the token's expiry in epoch seconds. */
    private record Verified(SecurityIdentity identity, long expiresAt) {
    }

    /** Null when caching is off: nothing is kept, nothing is found. */
    private final Cache<String, Verified> verified;
    private final Clock clock;

    public VerifiedTokens(long maxSize, Duration maxAge, Clock clock) {
        this.verified = maxSize > 0 && maxAge.isPositive()
                ? Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(maxAge).build()
                : null;
        this.clock = clock;
    }

    /** Keeps nothing: every token is verified by the OIDC extension, every time. */
    public static VerifiedTokens none() {
        return new VerifiedTokens(0, Duration.ZERO, Clock.systemUTC());
    }

    /** The caller of an unexpired token verified before, if any. */
    public Optional<SecurityIdentity> find(String token) {
        if (verified == null) {
            return Optional.empty();
        }
        Verified entry = verified.getIfPresent(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() >= entry.expiresAt()) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Remembers a token that was just verified; tokens already expired are not kept. */
    public void remember(String token, SecurityIdentity identity, long expiresAt) {
        if (verified != null && clock.instant().getEpochSecond() < expiresAt) {
            verified.put(token, new Verified(identity, expiresAt));
        }
    }
}
