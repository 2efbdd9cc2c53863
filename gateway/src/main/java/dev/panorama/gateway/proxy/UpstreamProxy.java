package dev.panorama.gateway.proxy;

import dev.panorama.gateway.config.GatewayConfig;
import dev.panorama.gateway.resilience.CircuitBreaker;
import dev.panorama.gateway.resilience.UpstreamFailures;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The way to one upstream service: Vert.x's reverse proxy (bodies, Server-Sent Events and WebSocket
 * upgrades streamed through), with a timeout per request, retries for idempotent reads without a body,
 * and this upstream's circuit breaker.
 */
final class UpstreamProxy implements ProxyInterceptor {

    private static final Set<HttpMethod> IDEMPOTENT_READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String BODY_LIMIT = "body-limit";
    private static final String UPSTREAM_REQUEST = "upstream-request";

    private final String name;
    private final SocketAddress origin;
    private final String host;
    private final GatewayConfig.Resilience resilience;
    private final long maxBodyBytes;
    private final CircuitBreaker breaker;
    private final Vertx vertx;
    private final EventLoopClients clients;
    private final Map<HttpClient, HttpProxy> proxies = new ConcurrentHashMap<>();

    UpstreamProxy(String name, URI url, GatewayConfig config, Vertx vertx, EventLoopClients clients) {
        this.name = name;
        this.host = url.getHost();
        this.origin = SocketAddress.inetSocketAddress(url.getPort() > 0 ? url.getPort() : 80, host);
        this.resilience = config.resilience();
        this.maxBodyBytes = config.limits().maxBodySize().asLongValue();
        this.breaker = new CircuitBreaker(resilience.breakerFailureThreshold(), resilience.breakerOpenFor(), System::nanoTime);
        this.vertx = vertx;
        this.clients = clients;
    }

    /** Forwards over the receiving event loop's client; the circuit breaker and the limits are this upstream's. */
    void forward(HttpServerRequest request) {
        proxies.computeIfAbsent(clients.current(), client -> HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(true), client)
                .origin(this::openRequest)
                .addInterceptor(this)).handle(request);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    String name() {
        return name;
    }

    private Future<HttpClientRequest> openRequest(ProxyContext context) {
        HttpServerRequest request = context.request().proxiedRequest();
        boolean eventStream = String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).contains("text/event-stream");
        Duration idle = eventStream || isWebSocketUpgrade(request) ? resilience.streamIdleTimeout() : resilience.responseTimeout();
        return context.client().request(new RequestOptions()
                        .setServer(origin)
                        .setHost(host)
                        .setPort(origin.port())
                        .setConnectTimeout(resilience.connectTimeout().toMillis())
                        .setIdleTimeout(idle.toMillis()))
                .onSuccess(upstream -> context.set(UPSTREAM_REQUEST, upstream));
    }

    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        boolean retriable = IDEMPOTENT_READS.contains(context.request().getMethod()) && hasNoBody(context.request().headers());
        if (retriable) {
            // a client's body stream can be sent once only; a read has none, so each attempt sends none
            context.request().setBody(null);
            context.request().proxiedRequest().resume();
        } else if (context.request().getBody() != null && context.request().getBody().length() < 0) {
            sendUnknownLengthChunked(context.request().proxiedRequest());
            BodyLimit limited = new BodyLimit(context.request().getBody().stream(), maxBodyBytes, () -> abandonUpstreamRequest(context));
            context.set(BODY_LIMIT, limited);
            context.request().setBody(Body.body(limited, -1));
        }
        return attempt(context, retriable, 0);
    }

    /**
     * Resets the request to the upstream once the client's body is over the limit. Done here, with a handler
     * of our own, because the proxy's reset after its body pipe has failed finds no handler left and Vert.x
     * then logs the expected reset as an ERROR; the proxy's own reset after this one does nothing.
     */
    private void abandonUpstreamRequest(ProxyContext context) {
        HttpClientRequest upstream = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
        if (upstream != null) {
            upstream.exceptionHandler(reset -> LOG.debugf("request to %s abandoned: body over %d bytes (%s)", name, maxBodyBytes, reset));
            upstream.reset(0, new BodyLimit.TooLarge());
        }
    }

    /** HTTP/2 frames a body without announcing its length; to an HTTP/1.1 upstream it goes chunked. */
    private static void sendUnknownLengthChunked(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 && !request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            request.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
        }
    }

    private Future<ProxyResponse> attempt(ProxyContext context, boolean retriable, int retry) {
        Optional<Duration> refusal = breaker.acquire();
        if (refusal.isPresent()) {
            return Future.succeededFuture(Problems.proxyResponse(context, Problems.circuitOpen(name), refusal));
        }
        return context.sendRequest().transform(outcome -> {
            if (outcome.succeeded() && !isFailure(outcome.result())) {
                breaker.succeeded();
                return Future.succeededFuture(outcome.result());
            }
            if (outcome.failed() && bodyTooLarge(context)) {
                breaker.abandoned();
                closeAfterResponse(context);
                return Future.succeededFuture(Problems.proxyResponse(context, Problems.tooLarge(maxBodyBytes), Optional.empty()));
            }
            breaker.failed();
            if (retriable && retry < resilience.readRetries()) {
                if (outcome.succeeded()) {
                    outcome.result().release();
                }
                return pause(retry + 1).compose(v -> attempt(context, true, retry + 1));
            }
            return outcome.succeeded() ? Future.succeededFuture(outcome.result()) : Future.succeededFuture(failure(context, outcome.cause()));
        });
    }

    /** Whether the answer counts against the upstream; one shedding load on purpose answered, and is answered to the client. */
    private static boolean isFailure(ProxyResponse response) {
        return UpstreamFailures.isFailure(response.getStatusCode(), response.headers().get(HttpHeaders.RETRY_AFTER));
    }

    private ProxyResponse failure(ProxyContext context, Throwable cause) {
        if (cause instanceof TimeoutException) {
            return Problems.proxyResponse(context, Problems.timedOut(name), Optional.empty());
        }
        Optional<Duration> wait = breaker.state() == CircuitBreaker.State.OPEN ? Optional.of(resilience.breakerOpenFor())
                : Optional.of(Duration.ofSeconds(1));
        return Problems.proxyResponse(context, Problems.unavailable(name), wait);
    }

    private boolean bodyTooLarge(ProxyContext context) {
        BodyLimit limit = context.get(BODY_LIMIT, BodyLimit.class);
        return limit != null && limit.exceeded();
    }

    /** The client may still be sending the refused body: the connection cannot be reused. */
    private static void closeAfterResponse(ProxyContext context) {
        HttpServerRequest request = context.request().proxiedRequest();
        request.response().endHandler(v -> request.connection().close());
    }

    private Future<Void> pause(int retry) {
        long millis = Math.max(1, resilience.retryBackoff().toMillis() * retry);
        return vertx.timer(millis).mapEmpty();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        // the gateway has set its own request id on the response already
        context.response().headers().remove(Correlation.REQUEST_ID);
        return WholeResponses.fit(context) ? WholeResponses.send(context) : context.sendResponse();
    }

    private static boolean hasNoBody(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        return !headers.contains(HttpHeaders.TRANSFER_ENCODING) && (length == null || length.equals("0"));
    }
}
