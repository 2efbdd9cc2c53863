package dev.panorama.identity.imports;

import dev.panorama.identity.config.IdentityConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The platform's body limit ({@code quarkus.http.limits.max-body-size}) must admit an import file;
 * this keeps every other request of the service within the usual, much smaller limit, so a JSON
 * endpoint is never asked to buffer a file-sized body.
 */
@ApplicationScoped
public class UploadLimits {

    static final String IMPORTS_PATH = "/api/v1/identity/imports";
    /** Where the platform looks for the limit of a body it reads as a stream. */
    private static final String REQUEST_LIMIT_KEY = "io.quarkus.max-request-size";

    private final long maxOtherBodySize;

    public UploadLimits(IdentityConfig config) {
        this.maxOtherBodySize = config.imports().maxOtherBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // after the platform's own check (order -2), before any body is read
        router.route().order(-1).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        if (context.request().method() == HttpMethod.POST && IMPORTS_PATH.equals(context.normalizedPath())) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxOtherBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close").setStatusCode(413).end();
            return;
        }
        context.put(REQUEST_LIMIT_KEY, maxOtherBodySize);
        context.next();
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
