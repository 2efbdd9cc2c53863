package dev.panorama.interaction.support;

import io.quarkus.test.common.QuarkusTestResource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Switches the fake identity-service of {@link FakeIdentity} from a test. */
@QuarkusTestResource(FakeIdentity.class)
public final class IdentityControl {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IdentityControl() {
    }

    public static void up() {
        call("POST", "/_control/mode/UP");
    }

    public static void down() {
        call("POST", "/_control/mode/DOWN");
    }

    /** identity-service takes calls and answers none of them until switched {@link #up} or {@link #down}. */
    public static void silent() {
        call("POST", "/_control/mode/SILENT");
    }

    /** identity-service will answer this customer for this address. */
    public static void assign(String address, UUID customerId) {
        call("POST", "/_control/assign/" + encode(address) + "/" + customerId);
    }

    public static int callsFor(String address) {
        return Integer.parseInt(call("GET", "/_control/calls/" + encode(address)));
    }

    /** Calls about this address identity-service has answered (whether or not the caller still waited). */
    public static int answeredFor(String address) {
        return Integer.parseInt(call("GET", "/_control/answered/" + encode(address)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String call(String method, String path) {
        String base = ConfigProvider.getConfig().getValue("quarkus.rest-client.identity.url", String.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
