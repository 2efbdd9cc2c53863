package dev.panorama.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes exactly as written (no client normalising paths or headers) and reads what comes back. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Writes the request text ({@code \n} become CRLF) and returns everything read until close or 3 s of silence. */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write(request.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // silence or reset: what arrived so far is the answer
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of the first response in the text, or -1 when none came. */
    public static int firstStatus(String responses) {
        if (!responses.startsWith("HTTP/1.1 ")) {
            return -1;
        }
        return Integer.parseInt(responses.substring(9, 12));
    }

    /** Every status line's code, in order. */
    public static java.util.List<Integer> statuses(String responses) {
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("HTTP/1\\.1 (\\d{3}) ").matcher(responses);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }
}
