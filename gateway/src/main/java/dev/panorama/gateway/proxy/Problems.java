package dev.panorama.gateway.proxy;

import dev.panorama.kit.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import java.time.Duration;
import java.util.Optional;

/** Problem details the gateway answers itself, before or instead of an upstream. */
final class Problems {

    private Problems() {
    }

    static Problem forbidden() {
        return Problem.of("forbidden", "Forbidden", 403, "Your roles do not allow this request.");
    }

    static Problem invalidPath(String why) {
        return Problem.of("invalid-path", "Invalid path", 400, why);
    }

    static Problem tooLarge(long maxBytes) {
        return Problem.of("payload-too-large", "Request body too large", 413,
                "The body exceeds the gateway's limit of " + maxBytes + " bytes.");
    }

    static Problem rateLimited() {
        return Problem.of("rate-limited", "Too many requests", 429, "Slow down; retry after the time given.");
    }

    static Problem unavailable(String upstream) {
        return Problem.of("upstream-unavailable", "Service unavailable", 503,
                "The " + upstream + " is not reachable right now; retry after the time given.");
    }

    static Problem circuitOpen(String upstream) {
        return Problem.of("upstream-unavailable", "Service unavailable", 503,
                "The " + upstream + " failed repeatedly and is rested for a while; retry after the time given.");
    }

    static Problem timedOut(String upstream) {
        return Problem.of("upstream-timeout", "Gateway timeout", 504, "The " + upstream + " did not answer in time.");
    }

    /** Answers the client directly. */
    static void send(HttpServerResponse response, Problem problem, Optional<Duration> retryAfter) {
        retryAfter.ifPresent(wait -> response.putHeader(HttpHeaders.RETRY_AFTER, seconds(wait)));
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    /** Answers the client in place of the upstream's response, from inside the proxy. */
    static ProxyResponse proxyResponse(ProxyContext context, Problem problem, Optional<Duration> retryAfter) {
        Buffer body = Buffer.buffer(Json.encode(problem));
        ProxyResponse response = context.request().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(body));
        retryAfter.ifPresent(wait -> response.putHeader(HttpHeaders.RETRY_AFTER, seconds(wait)));
        return response;
    }

    /** Retry-After in whole seconds, rounded up, never 0. */
    static String seconds(Duration wait) {
        long millis = wait.toMillis();
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
