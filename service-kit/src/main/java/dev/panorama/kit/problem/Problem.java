package dev.panorama.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details body, as every Panorama endpoint returns it for an error.
 *
 * @param type   what kind of problem, a stable URI a client can switch on
 * @param title  short human summary of the type
 * @param status the HTTP status
 * @param detail what went wrong this time, without echoing personal data
 * @param errors one entry per invalid field, for validation problems
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://panorama.dev/problems/";

    /** One invalid field: its path in the request and why it is invalid. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
    }
}
