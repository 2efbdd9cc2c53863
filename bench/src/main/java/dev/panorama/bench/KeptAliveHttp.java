package dev.panorama.bench;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection, kept alive, driven by one load-generating thread: a request built beforehand is one write,
 * and its answer is read on the same thread. On a 2-core machine the load generator's CPU is taken from the service
 * under test; the JDK's client hands every exchange between the caller, its selector thread and its executor, and cost
 * the identity benchmark 245 to 555 µs of CPU per request. Answers may be sized or chunked; a connection the server
 * closed before answering is opened again once.
 */
public final class KeptAliveHttp implements Closeable {

    private final InetSocketAddress address;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;
    /** Whether any of the current answer has come: only a request that got none is sent again. */
    private boolean answering;

    public KeptAliveHttp(String host, int port) {
        this.address = new InetSocketAddress(host, port);
    }

    /** A request's bytes: the request line, {@code Host}, the given headers, and the body with its length. */
    public static byte[] request(String method, String path, String host, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0 || !method.equals("GET")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** An answer: its status and body. */
    public record Answer(int status, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends the request and reads its answer; a connection closed by the server before any answer is opened again once. */
    public Answer exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        try {
            return send(request);
        } catch (EOFException closedBeforeAnswer) {
            if (!reused || answering) {
                throw closedBeforeAnswer;
            }
            close();
            return send(request);
        }
    }

    private Answer send(byte[] request) throws IOException {
        if (socket == null) {
            open();
        }
        answering = false;
        out.write(request);
        out.flush();
        int headEnd = headEnd();
        String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
        start = headEnd + 4;
        int status = Integer.parseInt(head.substring(9, 12));
        Map<String, String> headers = headers(head);
        byte[] body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? chunked()
                : take(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Answer(status, body);
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(address, 5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        start = 0;
        end = 0;
    }

    /** Where the head ends (the index of its blank line's CR), reading until it has come. */
    private int headEnd() throws IOException {
        int scanned = 0; // bytes after start searched already: fill() may move start
        while (true) {
            for (int i = start + scanned; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            scanned = Math.max(0, end - 3 - start);
            fill();
        }
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new HashMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = line();
                } while (!trailer.isEmpty());
                return body.toByteArray();
            }
            body.writeBytes(take(size));
            line();
        }
    }

    private String line() throws IOException {
        while (true) {
            for (int i = start; i + 1 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, start, i - start, StandardCharsets.ISO_8859_1);
                    start = i + 2;
                    return line;
                }
            }
            fill();
        }
    }

    private byte[] take(int length) throws IOException {
        byte[] taken = new byte[length];
        int copied = 0;
        while (copied < length) {
            if (start == end) {
                fill();
            }
            int n = Math.min(length - copied, end - start);
            System.arraycopy(buffer, start, taken, copied, n);
            start += n;
            copied += n;
        }
        return taken;
    }

    /** Reads more of the answer, moving what is unread to the buffer's start first. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            throw new IOException("an answer's head is longer than " + buffer.length + " bytes");
        }
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            throw new EOFException("the server closed the connection");
        }
        answering = true;
        end += read;
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            try {
                socket.close();
            } finally {
                socket = null;
            }
        }
    }
}
