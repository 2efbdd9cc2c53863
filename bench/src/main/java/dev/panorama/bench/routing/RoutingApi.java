package dev.panorama.bench.routing;

import dev.panorama.bench.KeptAliveHttp;
import dev.panorama.devstack.test.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * The routing REST API as the realm's admin, with a bound on requests in flight. Each request is one blocking exchange
 * on a kept-alive HTTP/1.1 connection (as the gateway speaks to the services) of the thread that sends it: the JDK's
 * client handed every exchange between the caller, its selector thread and its executor, CPU taken from the service
 * and PostgreSQL on the same two cores.
 */
final class RoutingApi {

    /** Threads made as requests in flight need them (the bound below caps them), each with its own connection. */
    private static final ExecutorService EXCHANGES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "routing-api");
        thread.setDaemon(true);
        return thread;
    });

    private final String host;
    private final int port;
    private final Semaphore inFlight;
    /** Whose login and connections this one uses: one login per run, however many bounds on requests in flight. */
    private final RoutingApi login;
    private final ThreadLocal<KeptAliveHttp> connections;
    private String token;
    private Instant fetched = Instant.EPOCH;

    RoutingApi(String base, int concurrency) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.inFlight = new Semaphore(concurrency);
        this.login = this;
        this.connections = ThreadLocal.withInitial(() -> new KeptAliveHttp(host, port));
    }

    private RoutingApi(RoutingApi login, int concurrency) {
        this.host = login.host;
        this.port = login.port;
        this.inFlight = new Semaphore(concurrency);
        this.login = login;
        this.connections = login.connections;
    }

    /** The same API and login with a bound of its own on requests in flight. */
    RoutingApi withConcurrency(int concurrency) {
        return new RoutingApi(login, concurrency);
    }

    /** One login a minute at most (Keycloak's brute-force guard refuses a user's logins in quick succession). */
    private String token() {
        return login.ownToken();
    }

    private synchronized String ownToken() {
        if (fetched.isBefore(Instant.now().minusSeconds(60))) {
            token = KeycloakTokens.forUser("ada");
            fetched = Instant.now();
        }
        return token;
    }

    CompletableFuture<Integer> send(String method, String path, String json) {
        return sendForBody(method, path, json).thenApply(KeptAliveHttp.Answer::status);
    }

    CompletableFuture<KeptAliveHttp.Answer> sendForBody(String method, String path, String json) {
        inFlight.acquireUninterruptibly();
        byte[] request = KeptAliveHttp.request(method, path, host + ":" + port,
                Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json"),
                json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> exchange(request), EXCHANGES).whenComplete((answer, failure) -> inFlight.release());
    }

    /** On this thread's connection; one that failed is closed, and the thread's next request opens another. */
    private KeptAliveHttp.Answer exchange(byte[] request) {
        KeptAliveHttp connection = connections.get();
        try {
            return connection.exchange(request);
        } catch (IOException failure) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // it failed already
            }
            throw new UncheckedIOException(failure);
        }
    }

    /** Sends one request per item and waits for all; fails on an answer outside {@code ok}. */
    <T> void all(List<T> items, Function<T, CompletableFuture<Integer>> call, int... ok) {
        CompletableFuture.allOf(items.stream().map(item -> call.apply(item).thenAccept(status -> {
            for (int allowed : ok) {
                if (status == allowed) {
                    return;
                }
            }
            throw new IllegalStateException("HTTP " + status + " for " + item);
        })).toArray(CompletableFuture[]::new)).join();
    }

    /** The status of a GET on a connection of its own; -1 when it cannot be had (the service not up yet). */
    int status(String path) {
        try (KeptAliveHttp connection = new KeptAliveHttp(host, port)) {
            return connection.exchange(KeptAliveHttp.request("GET", path, host + ":" + port, Map.of(), new byte[0])).status();
        } catch (IOException | RuntimeException notUp) {
            return -1;
        }
    }
}
