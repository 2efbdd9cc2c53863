package dev.panorama.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.MultiMap;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id and W3C trace context every forwarded request carries: a caller's well-formed
 * values are kept, missing or malformed ones replaced, so a service's logs always join the caller's.
 */
final class Correlation {

    static final String REQUEST_ID = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private Correlation() {
    }

    /** Sets the request id and trace context on the headers to forward; returns the request id. */
    static String apply(MultiMap headers) {
        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = newRequestId();
            headers.set(REQUEST_ID, requestId);
        }
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            headers.set(TRACEPARENT, "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
        } else if (!isWellFormed(headers.get(TRACEPARENT))) {
            headers.set(TRACEPARENT, "00-" + randomHex(16) + "-" + randomHex(8) + "-01");
            headers.remove(TRACESTATE);
        }
        return requestId;
    }

    static boolean isWellFormed(String traceparent) {
        return traceparent != null && TRACEPARENT_FORMAT.matcher(traceparent).matches();
    }

    /*
     * Request and trace ids correlate logs; they are not secrets, so they come from the thread's own generator
     * (as OpenTelemetry's ids do) rather than a SecureRandom shared by every request.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version4 = (random.nextLong() & ~0xF000L) | 0x4000L;
        long ietfVariant = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(version4, ietfVariant).toString();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
