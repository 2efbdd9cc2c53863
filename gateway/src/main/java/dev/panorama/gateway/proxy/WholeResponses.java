package dev.panorama.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import java.util.Map;

/**
 * Hands an upstream's response whose body is announced and small to the client whole, in one write: status line, headers
 * and body in a single socket write and flush. The reverse proxy pipes every body instead, writing the head with the
 * first chunk and the end in a second write (two flushes, two wake-ups of the client), after copying the headers once
 * more and parsing and formatting a {@code Date} header. Bodies of unknown or larger length (event streams, downloads)
 * keep streaming through the proxy.
 */
final class WholeResponses {

    /** Larger bodies are streamed: the gateway holds at most this much of one response. */
    static final long MAX_BYTES = 64 * 1024;
    private static final String WARNING = "warning";
    /** Headers of the upstream's connection, not of the response (the library's list for responses, and keep-alive). */
    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, HttpHeaders.KEEP_ALIVE,
            HttpHeaders.TRANSFER_ENCODING);

    private WholeResponses() {
    }

    /**
     * Whether the proxy's response is the upstream's (its body streams from the upstream's response), with a body of
     * announced length up to {@link #MAX_BYTES} and no {@code Warning} header (which the proxy filters against the date).
     */
    static boolean fit(ProxyContext context) {
        ProxyResponse response = context.response();
        if (response.getBody() == null || !(response.getBody().stream() instanceof HttpClientResponse)
                || context.request().getMethod() == HttpMethod.HEAD) {
            return false;
        }
        long length = response.getBody().length();
        int status = response.getStatusCode();
        return length >= 0 && length <= MAX_BYTES && status >= 200 && status != 204 && status != 304
                && !response.headers().contains(WARNING);
    }

    /** Reads the upstream's body, then answers the client with it. */
    static Future<Void> send(ProxyContext context) {
        ProxyResponse response = context.response();
        HttpClientResponse upstream = (HttpClientResponse) response.getBody().stream();
        HttpServerResponse client = context.request().proxiedRequest().response();
        Future<Buffer> body = upstream.body();
        upstream.resume();
        return body.compose(whole -> answer(client, response, whole), broken -> abandon(client, broken));
    }

    private static Future<Void> answer(HttpServerResponse client, ProxyResponse response, Buffer body) {
        client.setStatusCode(response.getStatusCode());
        if (response.getStatusMessage() != null) {
            client.setStatusMessage(response.getStatusMessage());
        }
        MultiMap headers = client.headers();
        for (Map.Entry<String, String> header : response.headers()) {
            if (!isHopByHop(header.getKey())) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        if (!headers.contains(HttpHeaders.DATE)) {
            headers.set(HttpHeaders.DATE, HttpDates.now());
        }
        headers.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length()));
        return client.end(body);
    }

    private static boolean isHopByHop(String name) {
        for (CharSequence hopByHop : HOP_BY_HOP) {
            if (hopByHop.toString().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The upstream broke off in the body: the client's response cannot be completed either. */
    private static Future<Void> abandon(HttpServerResponse client, Throwable broken) {
        client.reset();
        return Future.failedFuture(broken);
    }
}
