package dev.panorama.kit.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Answers a request whose bearer token the OIDC extension verified in full before (signature, issuer, expiry) with the
 * caller {@link VerifiedTokens} keeps for it, by the exact token text and only until the token expires. Every other
 * request (no token, an unknown or changed token, an expired one) gets no answer here: Quarkus then asks the OIDC
 * mechanism, next in priority, which verifies the token (or refuses it with 401) and sends the challenges.
 *
 * <p>Done as a mechanism rather than an identity provider because the OIDC mechanism builds its credential before any
 * provider is asked, and that parses the token's JSON claims on every request, cached or not.
 *
 * <p>Shared by every Panorama application: the gateway verifies each token at the edge and every service verifies
 * the relayed token again, and the signature check of a token seen moments before was a fifth of a busy service's CPU.
 * An expired token, a tampered or forged one, or one from another issuer is never answered here, so it still gets
 * OIDC's 401 (as problem details, from {@link ProblemDetailsChallenge}); roles come with the cached caller and are
 * checked per endpoint as before. Settings: {@link VerifiedTokenCache}.
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {

    /** Asked before the OIDC mechanism (priority 1001). */
    static final int PRIORITY = 1002;
    private static final String SCHEME = "Bearer ";

    private final VerifiedTokens tokens;

    public CachedBearerMechanism(VerifiedTokenCache cache) {
        this.tokens = cache.tokens();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return answer(tokens, context.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(identity -> Uni.createFrom().item(identity))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** The caller of a cached, unexpired bearer token in an {@code Authorization} header, if it is one. */
    static Optional<SecurityIdentity> answer(VerifiedTokens tokens, String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return tokens.find(authorization.substring(SCHEME.length()));
    }

    /** The OIDC mechanism challenges. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return Uni.createFrom().item(false);
    }

    /** No identity provider is asked: the identity comes from the cache. */
    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** None of its own: a mechanism chosen by name for a path is the OIDC one, which always verifies. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }
}
