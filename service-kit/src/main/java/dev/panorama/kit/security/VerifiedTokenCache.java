package dev.panorama.kit.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records every bearer token the OIDC extension has just verified, with the caller it names, in
 * {@link VerifiedTokens}, which {@link CachedBearerMechanism} answers later requests with the same token from. The
 * cached caller keeps principal, roles and credentials but none of the request-bound attributes of the request that
 * verified it.
 *
 * <p>Configuration (every Panorama application): {@code panorama.security.token-cache.enabled} (default
 * {@code true}), {@code panorama.security.token-cache.max-size} (default 2,000 callers, each a token and its parsed
 * claims, a few KB) and {@code panorama.security.token-cache.max-age} (default 5 minutes; a token is never answered
 * past its own expiry either). A realm key withdrawn from Keycloak stops tokens it signed within {@code max-age}.
 */
@ApplicationScoped
@Startup
public class VerifiedTokenCache implements SecurityIdentityAugmentor {

    private static final String FROM_CACHE = "panorama.security.verified-token";

    private final VerifiedTokens tokens;

    public VerifiedTokenCache(
            @ConfigProperty(name = "panorama.security.token-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "panorama.security.token-cache.max-size", defaultValue = "2000") long maxSize,
            @ConfigProperty(name = "panorama.security.token-cache.max-age", defaultValue = "5m") Duration maxAge) {
        this.tokens = enabled ? new VerifiedTokens(maxSize, maxAge, Clock.systemUTC()) : VerifiedTokens.none();
    }

    VerifiedTokens tokens() {
        return tokens;
    }

    /** The caller a verified, unexpired bearer token was cached with, if it was (for tests and diagnostics). */
    public Optional<SecurityIdentity> find(String token) {
        return tokens.find(token);
    }

    /**
     * The caller of a cached, unexpired bearer token in an {@code Authorization} header, if it is one: what
     * {@link CachedBearerMechanism} answers, for an application that handles such a request before Quarkus' security
     * handlers (any other request must go through them).
     */
    public Optional<SecurityIdentity> findBearer(String authorization) {
        return CachedBearerMechanism.answer(tokens, authorization);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(FROM_CACHE) != null) {
            return Uni.createFrom().item(identity);
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken token) {
            tokens.remember(credential.getToken(), detached(identity), token.getExpirationTime());
        }
        return Uni.createFrom().item(identity);
    }

    /** Runs after every other augmentor, so the cached caller carries what they added (roles from claims, say). */
    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    private static SecurityIdentity detached(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addPermissionChecker(identity::checkPermission)
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build();
    }
}
