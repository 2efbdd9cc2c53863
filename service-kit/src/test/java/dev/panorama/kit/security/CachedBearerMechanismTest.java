package dev.panorama.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which Authorization headers the cache answers: a bearer token verified before, by its exact text, unexpired. */
class CachedBearerMechanismTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
    private final QuarkusSecurityIdentity alice = QuarkusSecurityIdentity.builder()
            .setPrincipal((Principal) () -> "alice").addRole("agent").build();

    @Test
    void aCachedBearerTokenIsAnsweredWithItsCaller() {
        tokens.remember(TOKEN, alice, NOW.plusSeconds(60).getEpochSecond());

        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN)).contains(alice);
        assertThat(CachedBearerMechanism.answer(tokens, "bearer " + TOKEN)).contains(alice);
    }

    @Test
    void aTokenSharingAPrefixWithACachedOneIsNotAnswered() {
        tokens.remember(TOKEN, alice, NOW.plusSeconds(60).getEpochSecond());

        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN.substring(0, TOKEN.length() - 1) + "X")).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN.substring(0, TOKEN.length() - 1))).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN + "X")).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN.substring(0, TOKEN.lastIndexOf('.')))).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer  " + TOKEN)).isEmpty();
    }

    @Test
    void aCachedTokenIsNotAnsweredOnceItHasExpired() {
        tokens.remember(TOKEN, alice, NOW.plusSeconds(60).getEpochSecond());

        clock.set(NOW.plusSeconds(59));
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN)).contains(alice);
        clock.set(NOW.plusSeconds(60));
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer " + TOKEN)).isEmpty();
    }

    @Test
    void otherSchemesAndMissingHeadersAreNotAnswered() {
        tokens.remember(TOKEN, alice, NOW.plusSeconds(60).getEpochSecond());

        assertThat(CachedBearerMechanism.answer(tokens, null)).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Bearer ")).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "Basic " + TOKEN)).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, "DPoP " + TOKEN)).isEmpty();
        assertThat(CachedBearerMechanism.answer(tokens, TOKEN)).isEmpty();
    }
}
