package dev.panorama.gateway.resilience;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Which answers of an upstream are its failures, counted by its circuit breaker and retried for reads: 502, 504, and a
 * 503 without a usable {@code Retry-After}. A 503 with one is a live upstream shedding load on purpose and saying when
 * to come back (profile-service while its read-audit backlog is full; the REST conventions' "503 with Retry-After when a
 * dependency is down"): the client gets it as it is, and it is neither counted against the upstream, which would rest
 * the whole upstream for every caller over a brief shedding, nor retried, which would only add to the load it sheds.
 * Connection failures and timeouts never get this far: they are failures too.
 */
public final class UpstreamFailures {

    /** delta-seconds (RFC 9110, 10.2.3); the other form is an HTTP-date. */
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]+");

    private UpstreamFailures() {
    }

    /** Whether an answer with this status and {@code Retry-After} value (null when absent) is a failure of the upstream. */
    public static boolean isFailure(int status, String retryAfter) {
        return switch (status) {
            case 502, 504 -> true;
            case 503 -> !isUsable(retryAfter);
            default -> false;
        };
    }

    private static boolean isUsable(String retryAfter) {
        if (retryAfter == null) {
            return false;
        }
        String value = retryAfter.strip();
        if (DELTA_SECONDS.matcher(value).matches()) {
            return true;
        }
        try {
            DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
