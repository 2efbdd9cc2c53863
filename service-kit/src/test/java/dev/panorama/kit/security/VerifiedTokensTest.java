package dev.panorama.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
    private final QuarkusSecurityIdentity alice = QuarkusSecurityIdentity.builder()
            .setPrincipal((Principal) () -> "alice").addRole("agent").build();

    @Test
    void aVerifiedTokenIsFoundByItsExactTextOnly() {
        tokens.remember("header.claims.signature", alice, epoch("2026-12-02T10:05:00Z"));

        assertThat(tokens.find("header.claims.signature")).contains(alice);
        assertThat(tokens.find("header.claims.signaturE")).isEmpty();
        assertThat(tokens.find("header.claims")).isEmpty();
    }

    @Test
    void aTokenIsNotAnsweredOnceItHasExpired() {
        tokens.remember("t", alice, epoch("2026-12-02T10:01:00Z"));

        clock.set(Instant.parse("2026-12-02T10:00:59Z"));
        assertThat(tokens.find("t")).isPresent();
        clock.set(Instant.parse("2026-12-02T10:01:00Z"));
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void anAlreadyExpiredTokenIsNeverKept() {
        tokens.remember("t", alice, epoch("2026-12-02T09:59:00Z"));

        clock.set(Instant.parse("2026-12-02T09:58:00Z"));
        assertThat(tokens.find("t")).isEmpty();
    }

    @Test
    void noneKeepsNothing() {
        VerifiedTokens none = VerifiedTokens.none();
        none.remember("t", alice, Instant.now().plusSeconds(60).getEpochSecond());

        assertThat(none.find("t")).isEmpty();
    }

    @Test
    void aCacheOfSizeZeroKeepsNothing() {
        VerifiedTokens empty = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        empty.remember("t", alice, epoch("2026-12-02T10:05:00Z"));

        assertThat(empty.find("t")).isEmpty();
    }

    private static long epoch(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
