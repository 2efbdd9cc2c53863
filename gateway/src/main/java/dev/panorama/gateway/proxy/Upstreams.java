package dev.panorama.gateway.proxy;

import dev.panorama.gateway.config.GatewayConfig;
import dev.panorama.gateway.resilience.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The services behind the gateway: one proxy (with its circuit breaker) each, over an HTTP client per event loop. */
@ApplicationScoped
public class Upstreams {

    private final EventLoopClients clients;
    private final Map<String, UpstreamProxy> proxies = new LinkedHashMap<>();
    private final Map<String, URI> readinessUrls = new LinkedHashMap<>();
    private final Map<String, Boolean> requiredForReadiness = new LinkedHashMap<>();

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.clients = new EventLoopClients(vertx, new HttpClientOptions()
                        .setConnectTimeout((int) config.resilience().connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                config.resilience().maxConnectionsPerUpstream());
        config.upstreams().forEach((name, upstream) -> {
            proxies.put(name, new UpstreamProxy(name, upstream.url(), config, vertx, clients));
            readinessUrls.put(name, upstream.url().resolve(upstream.readinessPath()));
            requiredForReadiness.put(name, upstream.requiredForReadiness());
        });
        config.routes().forEach(route -> {
            if (!proxies.containsKey(route.upstream())) {
                throw new IllegalStateException("route " + route.paths() + " names unknown upstream " + route.upstream());
            }
        });
    }

    Optional<UpstreamProxy> proxy(String name) {
        return Optional.ofNullable(proxies.get(name));
    }

    public Map<String, Boolean> requiredForReadiness() {
        return Map.copyOf(requiredForReadiness);
    }

    public CircuitBreaker.State circuit(String name) {
        return proxies.get(name).breaker().state();
    }

    /** Whether the upstream's own readiness check answers 200 within the given milliseconds. */
    public Future<Boolean> ready(String name, long timeoutMillis) {
        URI url = readinessUrls.get(name);
        return clients.shared().request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setAbsoluteURI(url.toString())
                        .setConnectTimeout(timeoutMillis)
                        .setIdleTimeout(timeoutMillis))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200))
                .otherwise(false);
    }

    @PreDestroy
    void close() {
        clients.close();
    }
}
