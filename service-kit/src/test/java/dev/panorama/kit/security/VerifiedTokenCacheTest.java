package dev.panorama.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What the cache keeps of a caller the OIDC extension has just verified, and when it keeps nothing. */
class VerifiedTokenCacheTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";

    private final VerifiedTokenCache cache = new VerifiedTokenCache(true, 100, Duration.ofMinutes(5));

    @Test
    void aVerifiedCallerIsKeptWithItsRolesAndTokenButNotTheRequestsAttributes() {
        cache.augment(verified("alice", Instant.now().plusSeconds(300), "agent"), null).await().indefinitely();

        assertThat(cache.find(TOKEN)).hasValueSatisfying(caller -> {
            assertThat(caller.getPrincipal().getName()).isEqualTo("alice");
            assertThat(caller.getRoles()).containsExactly("agent");
            assertThat(caller.getCredential(AccessTokenCredential.class).getToken()).isEqualTo(TOKEN);
            assertThat((Object) caller.getAttribute("io.vertx.ext.web.RoutingContext")).isNull();
        });
        assertThat(cache.find(TOKEN + "x")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNotKept() {
        cache.augment(verified("alice", Instant.now().minusSeconds(1), "agent"), null).await().indefinitely();

        assertThat(cache.find(TOKEN)).isEmpty();
    }

    @Test
    void anAnonymousCallerIsNotKept() {
        SecurityIdentity anonymous = QuarkusSecurityIdentity.builder().setAnonymous(true)
                .addCredential(new AccessTokenCredential(TOKEN)).build();

        assertThat(cache.augment(anonymous, null).await().indefinitely()).isSameAs(anonymous);
        assertThat(cache.find(TOKEN)).isEmpty();
    }

    @Test
    void aCallerAnsweredFromTheCacheIsNotKeptAgain() {
        cache.augment(verified("alice", Instant.now().plusSeconds(300), "agent"), null).await().indefinitely();
        SecurityIdentity cached = cache.find(TOKEN).orElseThrow();

        cache.augment(cached, null).await().indefinitely();

        assertThat(cache.find(TOKEN)).containsSame(cached);
    }

    @Test
    void aDisabledCacheKeepsNothingAndTheMechanismAnswersNothing() {
        VerifiedTokenCache disabled = new VerifiedTokenCache(false, 100, Duration.ofMinutes(5));
        disabled.augment(verified("alice", Instant.now().plusSeconds(300), "agent"), null).await().indefinitely();

        assertThat(disabled.find(TOKEN)).isEmpty();
        assertThat(CachedBearerMechanism.answer(disabled.tokens(), "Bearer " + TOKEN)).isEmpty();
    }

    /** A caller as the OIDC extension hands it to augmentors: the token as principal and credential, a request attribute. */
    private static SecurityIdentity verified(String name, Instant expiresAt, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new Jwt(name, expiresAt))
                .addRole(role)
                .addCredential(new AccessTokenCredential(TOKEN))
                .addAttribute("io.vertx.ext.web.RoutingContext", new Object())
                .build();
    }

    private record Jwt(String name, Instant expiresAt) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.<String, Object>of("sub", name, "exp", expiresAt.getEpochSecond()).get(claimName);
        }
    }
}
