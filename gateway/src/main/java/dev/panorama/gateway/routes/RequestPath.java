package dev.panorama.gateway.routes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The raw path of a request as the gateway forwards it. A path the upstream might read differently
 * from the gateway (dot segments, encoded dots, slashes or backslashes, control characters) is
 * refused, so what the route table and the access rules judged is exactly what the service gets.
 */
public final class RequestPath {

    private static final Pattern ALLOWED = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@%/]*");
    private static final List<String> AMBIGUOUS_ENCODINGS = List.of("%2e", "%2f", "%5c", "%00", "%25");

    private RequestPath() {
    }

    /** Why the raw path is refused, or empty when it is safe to forward as it is. */
    public static Optional<String> refusal(String rawPath) {
        if (rawPath == null || !ALLOWED.matcher(rawPath).matches()) {
            return Optional.of("The path contains characters that are not allowed.");
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (AMBIGUOUS_ENCODINGS.stream().anyMatch(lower::contains)) {
            return Optional.of("The path encodes a dot, slash, backslash, percent sign or NUL.");
        }
        if (segments(rawPath).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
            return Optional.of("The path contains dot segments.");
        }
        if (rawPath.contains("//")) {
            return Optional.of("The path contains an empty segment.");
        }
        return Optional.empty();
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
