package dev.panorama.gateway.proxy;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HTTP client to the upstreams per event loop, so a request is forwarded over a connection of the event loop that
 * received it. Vert.x's connection pool hands out its most recently used free connection whatever event loop it belongs
 * to, and a connection's reads and writes stay on its own loop: with one shared client most forwarded requests and
 * their responses crossed between event loops (a queued task and a wake-up of the other loop each way).
 */
final class EventLoopClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions perEventLoop;
    private final HttpClient shared;
    private final Map<EventLoop, HttpClient> byEventLoop = new ConcurrentHashMap<>();

    /** {@code maxConnections} per upstream in all, shared out evenly among the event loops. */
    EventLoopClients(Vertx vertx, HttpClientOptions options, int maxConnections) {
        this.vertx = vertx;
        this.options = options;
        int eventLoops = vertx instanceof VertxInternal internal ? Math.max(1, count(internal)) : 1;
        this.perEventLoop = new PoolOptions().setHttp1MaxSize(Math.max(1, (maxConnections + eventLoops - 1) / eventLoops));
        this.shared = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    private static int count(VertxInternal vertx) {
        int loops = 0;
        for (var ignored : vertx.getEventLoopGroup()) {
            loops++;
        }
        return loops;
    }

    /** The client of the calling event loop; off an event loop, the shared one. */
    HttpClient current() {
        if (Vertx.currentContext() instanceof ContextInternal context && context.isEventLoopContext()) {
            return byEventLoop.computeIfAbsent(context.nettyEventLoop(), loop -> vertx.createHttpClient(options, perEventLoop));
        }
        return shared;
    }

    /** The client for work that has no event loop of its own to stay on (readiness checks). */
    HttpClient shared() {
        return shared;
    }

    void close() {
        byEventLoop.values().forEach(HttpClient::close);
        shared.close();
    }
}
