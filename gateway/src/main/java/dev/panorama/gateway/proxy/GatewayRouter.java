package dev.panorama.gateway.proxy;

import dev.panorama.gateway.access.AccessRules;
import dev.panorama.gateway.config.GatewayConfig;
import dev.panorama.gateway.resilience.RateLimiter;
import dev.panorama.gateway.routes.RequestPath;
import dev.panorama.gateway.routes.RouteTable;
import dev.panorama.kit.security.VerifiedTokenCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The gateway's edge: refuses ambiguous paths before anything else, then for each request the route
 * table owns checks the access rules, the caller's rate and the announced body size, and hands it to
 * the owning upstream's proxy. The token itself is forwarded unchanged.
 *
 * <p>Two ways in. A request bearing a token the gateway verified in full before (Quarkus OIDC: signature, issuer,
 * expiry) and still unexpired, without an {@code Origin} header, is answered and forwarded by the first handler, from
 * the caller {@link VerifiedTokenCache} keeps for that exact token: Quarkus' authentication and {@code /api/*}
 * permission handlers would reach the same caller from the same cache (its {@code CachedBearerMechanism}) through a
 * chain of handlers, Mutiny pipelines and a request context, about a fifth of the gateway's CPU per request. Every
 * other request (no token, a token not seen before, changed or expired; a browser's, which the CORS filter answers)
 * goes the whole way: Quarkus authenticates it (OIDC, 401), and {@link #forwardAuthenticated} applies the same checks.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final String MATCHED_ROUTE = "panorama.gateway.route";
    private static final String STARTED = "panorama.gateway.started";
    /** The request-context value Quarkus's HTTP server metrics take as the request's URI (as for a REST endpoint's template). */
    private static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final AccessRules accessRules;
    private final Upstreams upstreams;
    private final RateLimiter rateLimiter = new RateLimiter(System::nanoTime);
    private final GatewayConfig.RateLimit rateLimit;
    private final long maxBodyBytes;
    private final ProxiedRequestTimers timers;
    private final VerifiedTokenCache verifiedTokens;

    public GatewayRouter(GatewayConfig config, Upstreams upstreams, MeterRegistry registry, VerifiedTokenCache verifiedTokens) {
        this.routes = new RouteTable(config.routes().stream()
                .map(route -> RouteTable.Route.of(route.upstream(), route.paths()))
                .toList());
        this.accessRules = AccessRules.bundled();
        this.upstreams = upstreams;
        this.rateLimit = config.rateLimit();
        this.maxBodyBytes = config.limits().maxBodySize().asLongValue();
        this.timers = new ProxiedRequestTimers(registry);
        this.verifiedTokens = verifiedTokens;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(this::matchRoute);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseAmbiguousPaths);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::forwardAuthenticated);
    }

    /**
     * Finds the route before anything else (authentication included) and names it, not the path, as the request's
     * URI in the HTTP server metrics: requests, latencies and statuses per route, and one time series per route
     * pattern rather than one per customer id. A request forwarded later is timed by {@link ProxiedRequestTimers}.
     * A routed request of a caller whose token was verified before is forwarded from here (see the class comment).
     */
    private void matchRoute(RoutingContext context) {
        Optional<RouteTable.Match> match = routes.match(context.request().path());
        if (match.isEmpty()) {
            context.next();
            return;
        }
        context.put(MATCHED_ROUTE, match.get());
        context.put(STARTED, System.nanoTime());
        if (context.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(METRICS_URI_TEMPLATE, match.get().pattern().toString());
        }
        Optional<SecurityIdentity> verifiedBefore = context.request().headers().contains(HttpHeaders.ORIGIN) ? Optional.empty()
                : verifiedTokens.findBearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (verifiedBefore.isEmpty()) {
            context.next();
        } else if (!refusedAsAmbiguous(context)) {
            forward(context, match.get(), verifiedBefore.get());
        }
    }

    private void refuseAmbiguousPaths(RoutingContext context) {
        if (!refusedAsAmbiguous(context)) {
            context.next();
        }
    }

    private static boolean refusedAsAmbiguous(RoutingContext context) {
        Optional<String> refusal = RequestPath.refusal(context.request().path());
        refusal.ifPresent(reason -> Problems.send(context.response(), Problems.invalidPath(reason), Optional.empty()));
        return refusal.isPresent();
    }

    /** A routed request that went through Quarkus' authentication and permission check. */
    private void forwardAuthenticated(RoutingContext context) {
        RouteTable.Match route = context.get(MATCHED_ROUTE);
        if (route == null) {
            context.next();
            return;
        }
        forward(context, route, ((QuarkusHttpUser) context.user()).getSecurityIdentity());
    }

    private void forward(RoutingContext context, RouteTable.Match route, SecurityIdentity caller) {
        HttpServerRequest request = context.request();
        Optional<UpstreamProxy> upstream = upstreams.proxy(route.upstream());
        if (upstream.isEmpty()) {
            context.next();
            return;
        }
        String requestId = Correlation.apply(request.headers());
        context.response().putHeader(Correlation.REQUEST_ID, requestId);
        if (accessRules.decide(request.method().name(), request.path(), caller.getRoles()) == AccessRules.Decision.FORBIDDEN) {
            Problems.send(context.response(), Problems.forbidden(), Optional.empty());
            return;
        }
        String clientId = clientId(caller);
        Optional<Duration> wait = rateLimiter.acquire(callerKey(clientId, caller), limitFor(clientId));
        if (wait.isPresent()) {
            Problems.send(context.response(), Problems.rateLimited(), wait);
            return;
        }
        if (announcedLength(request) > maxBodyBytes) {
            context.response().endHandler(v -> request.connection().close());
            Problems.send(context.response(), Problems.tooLarge(maxBodyBytes), Optional.empty());
            return;
        }
        timeForwarded(context, route);
        upstream.get().forward(request);
    }

    /** Quarkus' server metrics leave the request to {@link ProxiedRequestTimers}, which times it under its route pattern. */
    private void timeForwarded(RoutingContext context, RouteTable.Match route) {
        Long started = context.get(STARTED);
        if (started == null || !(context.request() instanceof HttpServerRequestInternal request)) {
            return;
        }
        request.context().putLocal(METRICS_URI_TEMPLATE, ProxiedRequestTimers.QUARKUS_IGNORES);
        String pattern = route.pattern().toString();
        HttpMethod method = request.method();
        context.addEndHandler(ended -> timers.record(pattern, method, context.response().getStatusCode(), System.nanoTime() - started));
    }

    private static long announcedLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String clientId(SecurityIdentity caller) {
        Object clientId = caller.getPrincipal() instanceof JsonWebToken token ? token.getClaim("azp") : null;
        return clientId != null ? clientId.toString() : "";
    }

    private static String callerKey(String clientId, SecurityIdentity caller) {
        String subject = caller.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        return clientId + "/" + (subject != null ? subject : caller.getPrincipal().getName());
    }

    private RateLimiter.Limit limitFor(String clientId) {
        GatewayConfig.ClientLimit client = rateLimit.clients().get(clientId);
        return client != null ? new RateLimiter.Limit(client.requestsPerSecond(), client.burst())
                : new RateLimiter.Limit(rateLimit.requestsPerSecond(), rateLimit.burst());
    }
}
