package dev.panorama.gateway.testing;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A service stand-in behind the gateway whose behaviour the test controls: by default it answers its
 * readiness check and echoes every other request (method, raw URI, headers, body) as JSON.
 */
public final class FakeUpstream {

    /** One request as the upstream received it. */
    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final String name;
    private final Vertx vertx;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Handler<HttpServerRequest> behaviour;
    private volatile boolean ready = true;
    private HttpServer server;

    FakeUpstream(String name, Vertx vertx, int port) {
        this.name = name;
        this.vertx = vertx;
        this.port = port;
        this.behaviour = this::echo;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts listening (again). */
    public synchronized FakeUpstream up() {
        if (server == null) {
            server = await(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                    .requestHandler(this::handle)
                    .webSocketHandler(socket -> socket.textMessageHandler(text -> socket.writeTextMessage("echo:" + text)))
                    .listen());
        }
        return this;
    }

    /** Stops listening: connections are refused, as when the service is down. */
    public synchronized FakeUpstream down() {
        if (server != null) {
            await(server.close());
            server = null;
        }
        return this;
    }

    /** Back to the default: up, ready, echoing, nothing recorded. */
    public FakeUpstream reset() {
        behaviour = this::echo;
        ready = true;
        received.clear();
        return up();
    }

    /** Answers every non-readiness request with this handler from now on. */
    public FakeUpstream answer(Handler<HttpServerRequest> handler) {
        this.behaviour = handler;
        return this;
    }

    public FakeUpstream ready(boolean ready) {
        this.ready = ready;
        return this;
    }

    /** Requests received, readiness probes excluded. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.getLast();
    }

    private void handle(HttpServerRequest request) {
        if (request.path().equals("/q/health/ready")) {
            request.response().setStatusCode(ready ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"" + (ready ? "UP" : "DOWN") + "\"}");
            return;
        }
        if (request.headers().contains("Upgrade")) {
            return; // the WebSocket handler takes it
        }
        behaviour.handle(request);
    }

    /** Echoes the request after recording it. */
    public void echo(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Received got = record(request, body.toString());
            JsonObject headers = new JsonObject();
            got.headers().forEach((key, values) -> headers.put(key.toLowerCase(), values.getFirst()));
            request.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("upstream", name).put("method", got.method()).put("uri", got.uri())
                            .put("headers", headers).put("bodyLength", body.length()).put("body", got.body()).encode());
        });
    }

    /** Records a request whose body the handler has read. */
    public Received record(HttpServerRequest request, String body) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new java.util.ArrayList<>()).add(h.getValue()));
        Received got = new Received(request.method().name(), request.uri(), headers, body);
        received.add(got);
        return got;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
