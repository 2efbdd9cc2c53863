package dev.panorama.gateway.tokens;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records every bearer token the OIDC extension has just verified, with the caller it names, in
 * {@link VerifiedTokens}, which {@link CachedBearerMechanism} answers later requests with the same token from. The
 * cached caller keeps principal, roles and credentials but none of the request-bound attributes of the request that
 * verified it.
 */
@ApplicationScoped
@Startup
public class VerifiedTokenCache implements SecurityIdentityAugmentor {

    private static final String FROM_CACHE = "panorama.gateway.verified-token";

    private final VerifiedTokens tokens;

    public VerifiedTokenCache(
            @ConfigProperty(name = "panorama.gateway.token-cache.max-size", defaultValue = "10000") long maxSize,
            @ConfigProperty(name = "panorama.gateway.token-cache.max-age", defaultValue = "5m") Duration maxAge) {
        this.tokens = new VerifiedTokens(maxSize, maxAge, Clock.systemUTC());
    }

    VerifiedTokens tokens() {
        return tokens;
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

    private static SecurityIdentity detached(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttribute(FROM_CACHE, Boolean.TRUE)
                .build();
    }
}
