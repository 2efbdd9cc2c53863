package dev.panorama.kit.security;

import dev.panorama.kit.problem.Problem;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The 401 of every Panorama application as RFC 9457 problem details with {@code WWW-Authenticate: Bearer}.
 *
 * <p>Quarkus answers a request without a valid token before any JAX-RS exception mapper runs: the HTTP
 * permission layer (anonymous caller on {@code /api/*}) and proactive authentication (a token that fails)
 * both ask the authentication mechanisms for a challenge, and quarkus-oidc's bearer challenge is a bare 401.
 * This mechanism authenticates nobody (it leaves tokens to quarkus-oidc) but ranks first, so it is the
 * one that answers the challenge, with a body.
 */
@ApplicationScoped
public class ProblemDetailsChallenge implements HttpAuthenticationMechanism {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** RFC 6750 challenge when no token came. */
    public static final String BEARER = "Bearer";
    /** RFC 6750 challenge when a token came and failed. */
    public static final String BEARER_INVALID_TOKEN = "Bearer error=\"invalid_token\"";

    /** Above quarkus-oidc's mechanism, so this challenge is sent first. */
    static final int PRIORITY = DEFAULT_PRIORITY + 1000;

    /** The answer to a request without a token. */
    public static final Problem MISSING = Problem.of("unauthenticated", "Authentication required", 401,
            "A valid bearer token is required.");
    /** The answer to a request whose token is not valid. */
    public static final Problem INVALID = Problem.of("unauthenticated", "Authentication required", 401,
            "The bearer token is not valid: it is expired, malformed, or not signed by the realm.");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, WWW_AUTHENTICATE, challenge(context)));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!response.ended()) {
            response.setStatusCode(401)
                    .putHeader(WWW_AUTHENTICATE, challenge(context))
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(presentedToken(context) ? INVALID : MISSING));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    /** RFC 6750: the scheme alone when no token came, with {@code error="invalid_token"} when one failed. */
    static String challenge(RoutingContext context) {
        return presentedToken(context) ? BEARER_INVALID_TOKEN : BEARER;
    }

    private static boolean presentedToken(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && !authorization.isBlank();
    }
}
