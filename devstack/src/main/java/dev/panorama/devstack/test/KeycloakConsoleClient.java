package dev.panorama.devstack.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Lets the agent console's Keycloak client ({@code panorama-console}) send logins back to a gateway under test: the realm
 * lists the local suite's port 8080, a test's gateway listens on a free port. Through Keycloak's admin API with
 * devstack's bootstrap admin.
 */
public final class KeycloakConsoleClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakConsoleClient() {
    }

    /**
     * Adds {@code origin} (e.g. {@code http://127.0.0.1:41234}) to the console client's redirect URIs and web origins of
     * the realm at {@code issuer}; an origin allowed already (by an earlier test class of the JVM) is left as it is.
     */
    public static void allowOrigin(String issuer, String origin) {
        String base = issuer.replaceAll("/realms/.*$", "");
        String admin = adminToken(base);
        String clients = base + "/admin/realms/panorama/clients";
        ObjectNode client = (ObjectNode) read(send(HttpRequest.newBuilder(URI.create(clients + "?clientId=panorama-console"))
                .header("Authorization", "Bearer " + admin).GET().build())).get(0);
        ArrayNode redirects = client.withArray("redirectUris");
        for (JsonNode redirect : redirects) {
            if (redirect.asText().equals(origin + "/*")) {
                return;
            }
        }
        redirects.add(origin + "/*");
        client.withArray("webOrigins").add(origin);
        send(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id").asText()))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString())).build());
    }

    private static String adminToken(String base) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return read(body).path("access_token").asText();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API answered what is not JSON", e);
        }
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's admin API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
