package dev.panorama.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.panorama.devstack.test.KeycloakTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Lets the console client of the test Keycloak accept the test gateway's address (the realm lists the
 * local suite's 8080; a test gateway listens on a free port), through Keycloak's admin API.
 */
public final class KeycloakConsoleClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakConsoleClient() {
    }

    public static void allowOrigin(String origin) throws Exception {
        String base = KeycloakTokens.issuer().replaceAll("/realms/.*$", "");
        String admin = adminToken(base);
        String clients = base + "/admin/realms/panorama/clients";
        JsonNode found = JSON.readTree(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=panorama-console"))
                .header("Authorization", "Bearer " + admin).GET().build()));
        ObjectNode client = (ObjectNode) found.get(0);
        ((ArrayNode) client.withArray("redirectUris")).add(origin + "/*");
        ((ArrayNode) client.withArray("webOrigins")).add(origin);
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build());
    }

    private static String adminToken(String base) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return JSON.readTree(body).get("access_token").asText();
    }

    private static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("Keycloak admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
