package dev.panorama.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeptAliveHttpTest {

    private HttpServer server;
    private final Set<InetSocketAddress> clientEnds = ConcurrentHashMap.newKeySet();
    private String host;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sized", exchange -> answer(exchange, 200, "sized " + body(exchange), false));
        server.createContext("/chunked", exchange -> answer(exchange, 201, "chunked " + body(exchange), true));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 200, "closing", false);
        });
        server.start();
        host = "127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sized_and_chunked_answers_follow_each_other_on_one_connection() throws IOException {
        try (KeptAliveHttp http = new KeptAliveHttp("127.0.0.1", server.getAddress().getPort())) {
            for (int i = 0; i < 3; i++) {
                KeptAliveHttp.Answer sized = http.exchange(post("/sized", "{\"n\":" + i + "}"));
                KeptAliveHttp.Answer chunked = http.exchange(post("/chunked", "ü" + i));
                KeptAliveHttp.Answer got = http.exchange(KeptAliveHttp.request("GET", "/sized", host, Map.of(), new byte[0]));

                assertThat(sized.status()).isEqualTo(200);
                assertThat(sized.text()).isEqualTo("sized {\"n\":" + i + "}");
                assertThat(chunked.status()).isEqualTo(201);
                assertThat(chunked.text()).isEqualTo("chunked ü" + i);
                assertThat(got.text()).isEqualTo("sized ");
            }
        }
        assertThat(clientEnds).hasSize(1);
    }

    @Test
    void a_connection_the_server_closes_is_opened_again_for_the_next_request() throws IOException {
        try (KeptAliveHttp http = new KeptAliveHttp("127.0.0.1", server.getAddress().getPort())) {
            assertThat(http.exchange(post("/closing", "")).text()).isEqualTo("closing");
            assertThat(http.exchange(post("/sized", "again")).text()).isEqualTo("sized again");
        }
        assertThat(clientEnds).hasSize(2);
    }

    private byte[] post(String path, String body) {
        return KeptAliveHttp.request("POST", path, host, Map.of("Content-Type", "text/plain"), body.getBytes(StandardCharsets.UTF_8));
    }

    private String body(HttpExchange exchange) throws IOException {
        clientEnds.add(exchange.getRemoteAddress());
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange exchange, int status, String text, boolean chunked) throws IOException {
        clientEnds.add(exchange.getRemoteAddress());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
