package dev.panorama.gateway.routes;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The raw path of a request as the gateway forwards it. A path the upstream might read differently
 * from the gateway (dot segments, encoded dots, slashes or backslashes, control characters) is
 * refused, so what the route table and the access rules judged is exactly what the service gets.
 */
public final class RequestPath {

    private static final Optional<String> NOT_ALLOWED = Optional.of("The path contains characters that are not allowed.");
    private static final Optional<String> AMBIGUOUS_ENCODING =
            Optional.of("The path encodes a dot, slash, backslash, percent sign or NUL.");
    private static final Optional<String> DOT_SEGMENT = Optional.of("The path contains dot segments.");
    private static final Optional<String> EMPTY_SEGMENT = Optional.of("The path contains an empty segment.");
    /** The characters a path may hold: unreserved, sub-delims, ':', '@', '%' and '/'. */
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@%/".toCharArray()) {
            ALLOWED[c] = true;
        }
    }

    private RequestPath() {
    }

    /**
     * Why the raw path is refused, or empty when it is safe to forward as it is. Checked on every request, in one pass
     * over the path; the reasons in order of precedence: characters, encodings, dot segments, empty segments.
     */
    public static Optional<String> refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return NOT_ALLOWED;
        }
        boolean ambiguousEncoding = false;
        boolean dotSegment = false;
        boolean emptySegment = false;
        int segmentStart = 1;
        int length = rawPath.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? rawPath.charAt(i) : '/';
            if (c >= ALLOWED.length || !ALLOWED[c]) {
                return NOT_ALLOWED;
            }
            if (c == '%' && isAmbiguousEncoding(rawPath, i)) {
                ambiguousEncoding = true;
            }
            if (c == '/' && i > 0) {
                int segment = i - segmentStart;
                dotSegment |= (segment == 1 && rawPath.charAt(segmentStart) == '.')
                        || (segment == 2 && rawPath.charAt(segmentStart) == '.' && rawPath.charAt(segmentStart + 1) == '.');
                emptySegment |= i < length && rawPath.charAt(i - 1) == '/';
                segmentStart = i + 1;
            }
        }
        if (ambiguousEncoding) {
            return AMBIGUOUS_ENCODING;
        }
        return dotSegment ? DOT_SEGMENT : emptySegment ? EMPTY_SEGMENT : Optional.empty();
    }

    /** Whether the '%' at {@code at} starts %2e, %2f, %5c, %00 or %25 (in either case). */
    private static boolean isAmbiguousEncoding(String path, int at) {
        if (at + 2 >= path.length()) {
            return false;
        }
        char high = path.charAt(at + 1);
        char low = Character.toLowerCase(path.charAt(at + 2));
        return switch (high) {
            case '2' -> low == 'e' || low == 'f' || low == '5';
            case '5' -> low == 'c';
            case '0' -> low == '0';
            default -> false;
        };
    }

    /** The segments of a path, without the empty one before the leading slash. */
    public static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(trimmed.split("/", -1));
    }
}
