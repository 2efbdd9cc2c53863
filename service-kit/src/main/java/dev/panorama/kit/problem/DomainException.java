package dev.panorama.kit.problem;

import java.util.OptionalLong;

/**
 * A request the domain refuses, named in the domain's words ({@code CustomerAlreadyMerged},
 * {@code VerificationLocked}); each kind says which problem type and status it is, the mapper does the rest.
 * The detail is shown to the caller, so it never carries personal data.
 */
public abstract class DomainException extends RuntimeException {

    /** How a refusal is answered. */
    public enum Kind {
        NOT_FOUND(404, "Not Found"),
        CONFLICT(409, "Conflict"),
        GONE(410, "Gone"),
        UNPROCESSABLE(422, "Unprocessable Content"),
        LOCKED(423, "Locked"),
        TOO_MANY_REQUESTS(429, "Too Many Requests");

        final int status;
        final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final String type;

    /**
     * @param type   the problem type's slug, stable for clients to switch on (e.g. "customer-already-merged")
     * @param detail what went wrong this time, without personal data
     */
    protected DomainException(Kind kind, String type, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
    }

    public Kind kind() {
        return kind;
    }

    /** When the same request may succeed, in seconds, answered as {@code Retry-After}; none unless a refusal knows. */
    protected OptionalLong retryAfterSeconds() {
        return OptionalLong.empty();
    }

    Problem problem() {
        return Problem.of(type, kind.title, kind.status, getMessage());
    }
}
