package dev.panorama.interaction.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for identity-service's POST /api/v1/identity/resolve on a port of its own, whose behaviour (up, down,
 * silent) tests switch over HTTP ({@link IdentityControl}): test resources and tests do not share static state.
 * Up, it answers a remembered customer per address (a new one for an unknown address, as identity creates a prospect),
 * refuses addresses starting with "refused" with 400 and calls without a bearer token with 401. Silent, it holds every
 * call unanswered until it is switched to another mode (then answers 503), and counts per address what it answered.
 */
public class FakeIdentity implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private volatile String mode = "UP";
    private final Map<String, String> customers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    /** Completed whenever the fake is not silent; silent calls wait for it. */
    private volatile CompletableFuture<Void> released = CompletableFuture.completedFuture(null);

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // held calls must not starve the control calls that release them
        server.setExecutor(Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory()));
        server.createContext("/api/v1/identity/resolve", this::resolve);
        server.createContext("/_control", this::control);
        server.start();
        return Map.of("quarkus.rest-client.identity.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        released.complete(null);
        if (server != null) {
            server.stop(0);
        }
    }

    private void resolve(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(exchange, 401, "{}");
            return;
        }
        JsonNode sender = JSON.readTree(exchange.getRequestBody());
        String address = sender.path("address").asText().toLowerCase();
        calls.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        switch (mode) {
            case "DOWN" -> answer(exchange, address, 503, "{}");
            case "SILENT" -> {
                released.join();
                answer(exchange, address, 503, "{}");
            }
            default -> {
                if (address.startsWith("refused")) {
                    answer(exchange, address, 400, "{\"status\":400}");
                    return;
                }
                String customerId = customers.computeIfAbsent(address, key -> UUID.randomUUID().toString());
                answer(exchange, address, 200, "{\"customerId\":\"" + customerId + "\",\"recordId\":\"" + UUID.randomUUID()
                        + "\",\"version\":1,\"decision\":\"MATCHED\",\"stored\":true,\"mergedCustomerIds\":[]}");
            }
        }
    }

    private void answer(HttpExchange exchange, String address, int status, String body) throws IOException {
        answered.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
        respond(exchange, status, body);
    }

    /**
     * POST /_control/mode/{UP|DOWN|SILENT}; POST /_control/assign/{address}/{customerId}; GET /_control/calls/{address};
     * GET /_control/answered/{address}.
     */
    private void control(HttpExchange exchange) throws IOException {
        String[] parts = URI.create(exchange.getRequestURI().toString()).getPath().split("/");
        switch (parts[2]) {
            case "mode" -> {
                switchTo(parts[3]);
                respond(exchange, 200, mode);
            }
            case "assign" -> {
                customers.put(parts[3].toLowerCase(), parts[4]);
                respond(exchange, 200, "ok");
            }
            case "calls" -> respond(exchange, 200, Integer.toString(calls.getOrDefault(parts[3].toLowerCase(), new AtomicInteger()).get()));
            case "answered" -> respond(exchange, 200,
                    Integer.toString(answered.getOrDefault(parts[3].toLowerCase(), new AtomicInteger()).get()));
            default -> respond(exchange, 404, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private synchronized void switchTo(String next) {
        if (next.equals("SILENT") && released.isDone()) {
            released = new CompletableFuture<>();
        } else if (!next.equals("SILENT")) {
            released.complete(null);
        }
        mode = next;
    }
}
