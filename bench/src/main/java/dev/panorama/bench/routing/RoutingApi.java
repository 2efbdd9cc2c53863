package dev.panorama.bench.routing;

import dev.panorama.devstack.test.KeycloakTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** The routing REST API as the realm's admin, with a bound on requests in flight. */
final class RoutingApi {

    /** HTTP/1.1, as the gateway speaks to the services (the JDK client would otherwise carry everything on one HTTP/2 connection). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final Semaphore inFlight;
    /** Whose login this one uses: one login per run, however many bounds on requests in flight. */
    private final RoutingApi login;
    private String token;
    private Instant fetched = Instant.EPOCH;

    RoutingApi(String base, int concurrency) {
        this.base = base;
        this.inFlight = new Semaphore(concurrency);
        this.login = this;
    }

    private RoutingApi(RoutingApi login, int concurrency) {
        this.base = login.base;
        this.inFlight = new Semaphore(concurrency);
        this.login = login;
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
        return sendForBody(method, path, json).thenApply(HttpResponse::statusCode);
    }

    CompletableFuture<HttpResponse<String>> sendForBody(String method, String path, String json) {
        inFlight.acquireUninterruptibly();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((answer, failure) -> inFlight.release());
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

    int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
