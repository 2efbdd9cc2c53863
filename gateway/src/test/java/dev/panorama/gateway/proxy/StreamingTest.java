package dev.panorama.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.gateway.testing.FakeUpstream;
import dev.panorama.gateway.testing.FakeUpstreams;
import dev.panorama.gateway.testing.Gateway;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@QuarkusTest
class StreamingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Vertx VERTX = Vertx.vertx();

    @BeforeEach
    void healthy() {
        Gateway.healthyUpstreams();
    }

    @AfterAll
    static void close() {
        VERTX.close();
    }

    @Test
    void serverSentEventsArriveOneByOneAsTheUpstreamSendsThem() throws Exception {
        CompletableFuture<Void> sendSecond = new CompletableFuture<>();
        FakeUpstream routing = FakeUpstreams.get("routing-service");
        routing.answer(request -> {
            routing.record(request, "");
            request.response().setChunked(true).putHeader("Content-Type", "text/event-stream")
                    .write("event: offer\ndata: one\n\n");
            sendSecond.thenRun(() -> request.response().end("event: offer\ndata: two\n\n"));
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Gateway.port() + "/api/v1/routing/agents/me/offers"))
                .header("Authorization", "Bearer " + KeycloakTokens.forUser("alice"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();
        assertThat(lines.next()).isEqualTo("event: offer");
        assertThat(lines.next()).isEqualTo("data: one");
        assertThat(sendSecond).isNotDone(); // the first event came through before the upstream sent the second
        sendSecond.complete(null);
        assertThat(lines.next()).isEmpty();
        assertThat(lines.next()).isEqualTo("event: offer");
        assertThat(lines.next()).isEqualTo("data: two");
    }

    @Test
    void aWebSocketIsTunnelledToTheUpstreamWithTheToken() throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(Gateway.port())
                .setURI("/api/v1/routing/agents/me/socket")
                .addHeader("Authorization", "Bearer " + KeycloakTokens.forUser("alice"));
        WebSocket socket = VERTX.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        CompletableFuture<String> reply = new CompletableFuture<>();
        socket.textMessageHandler(reply::complete);
        socket.writeTextMessage("hello");
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("echo:hello");
        socket.close();
    }

    @Test
    void aWebSocketWithoutATokenIsRefused() {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(Gateway.port())
                .setURI("/api/v1/routing/agents/me/socket");
        CompletableFuture<WebSocket> connect = VERTX.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture();
        assertThat(connect).failsWithin(10, TimeUnit.SECONDS).withThrowableThat().withMessageContaining("401");
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aStreamedUploadWithoutLengthArrivesWhole(HttpClient.Version version) throws Exception {
        byte[] body = "x".repeat(150_000).getBytes();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Gateway.port() + "/api/v1/interactions/batch"))
                .header("Authorization", "Bearer " + KeycloakTokens.forClient("channel-adapter"))
                .header("Content-Type", "application/x-ndjson").version(version)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        FakeUpstream.Received got = FakeUpstreams.get("interaction-service").last();
        assertThat(got.body()).hasSize(150_000);
        assertThat(got.header("Transfer-Encoding")).isEqualTo("chunked");
    }
}
