package dev.panorama.routing.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent-events reader over a real HTTP connection, with a bearer token as the console sends it. */
final class SseClient implements AutoCloseable {

    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private String name;
    private final StringBuilder data = new StringBuilder();

    SseClient(URI uri, String token) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").GET().build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> Thread.ofVirtual().start(() -> answer.body().forEach(this::line)));
    }

    int status() throws Exception {
        return response.get(30, TimeUnit.SECONDS).statusCode();
    }

    String contentType() throws Exception {
        return response.get(30, TimeUnit.SECONDS).headers().firstValue("Content-Type").orElse("");
    }

    /** The first event (skipping others) that matches, or null after the wait. */
    Event await(Predicate<Event> wanted, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Event next = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && wanted.test(next)) {
                return next;
            }
        }
        return null;
    }

    String awaitComment(Duration wait) throws InterruptedException {
        return comments.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void line(String line) {
        if (line.isEmpty()) {
            if (name != null || !data.isEmpty()) {
                events.add(new Event(name == null ? "message" : name, data.toString()));
            }
            name = null;
            data.setLength(0);
        } else if (line.startsWith(":")) {
            comments.add(line.substring(1).trim());
        } else if (line.startsWith("event:")) {
            name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
            data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).trim());
        }
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
