package dev.panorama.routing.intake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for profile-service's GET /api/v1/profiles/{id}/routing-hints on a port of its own. Tests set a
 * customer's answer over HTTP ({@code PUT /_control/{customerId}} with the hints JSON, or the body {@code slow} for an
 * answer after 3 s); other customers are 404, a call without a bearer token 401.
 */
public class FakeProfile implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/profiles/", this::hints);
        server.createContext("/_control/", this::control);
        server.start();
        return Map.of("quarkus.rest-client.profile.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void hints(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            respond(exchange, 401, "{}");
            return;
        }
        String customerId = exchange.getRequestURI().getPath().split("/")[4];
        String answer = answers.get(customerId);
        if (answer == null) {
            respond(exchange, 404, "{}");
            return;
        }
        if (answer.equals("slow")) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer = "{\"customerId\":\"" + customerId + "\",\"tier\":\"gold\",\"priorityBoost\":50,\"openCaseCount\":0,\"recentAgents\":[]}";
        }
        respond(exchange, 200, answer);
    }

    private void control(HttpExchange exchange) throws IOException {
        String customerId = exchange.getRequestURI().getPath().substring("/_control/".length());
        answers.put(customerId, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        respond(exchange, 204, null);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
