package dev.panorama.journeys.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** One user or system calling the gateway with its own token (fetched again before it expires). */
public final class Caller {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(60);

    private final String gateway;
    private final Supplier<String> tokens;
    private String token;
    private Instant fetchedAt = Instant.MIN;

    public Caller(String gateway, Supplier<String> tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * Any request exactly as given, for malformed input: the path is not encoded, the body is sent as it is (none when
     * null) with the given content type (none when null). An event stream's body is not read.
     */
    public RawReply raw(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                String text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new RawReply(response.statusCode(), type, text);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer to {@link #raw}: status, content type (empty when none) and body. */
    public record RawReply(int status, String contentType, String body) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json, application/problem+json");
    }

    private synchronized String token() {
        if (token == null || fetchedAt.plus(TOKEN_REUSE).isBefore(Instant.now())) {
            token = tokens.get();
            fetchedAt = Instant.now();
        }
        return token;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: its status and its body (JSON where there is one). */
    public record Reply(int status, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? Json.MAPPER.missingNode() : Json.read(body);
        }

        /** The JSON body when the status is the expected one; otherwise an assertion error quoting the answer. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return json();
        }
    }
}
