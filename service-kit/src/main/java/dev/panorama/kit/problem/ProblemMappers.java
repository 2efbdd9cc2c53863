package dev.panorama.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.panorama.kit.security.ProblemDetailsChallenge;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error that reaches the REST layer into problem details, never a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(FieldPath.of(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(Problem.of("validation", "Invalid request", 400, "One or more fields are invalid.")
                .withErrors(errors));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return respond(Problem.of("validation", "Invalid request", 400, "One or more fields are invalid.")
                .withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidParameterException e) {
        return respond(Problem.of("validation", "Invalid request", 400, "One or more query parameters are invalid.")
                .withErrors(List.of(e.error())));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(Problem.of("malformed-body", "Malformed request body", 400, "The body is not well-formed JSON."));
    }

    /** Declared for this exact type so it wins over the platform's own mapper, which answers in another shape. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = jsonPath(e);
        String detail = field.isEmpty() ? "The body does not have the expected JSON shape."
                : "The body does not have the expected JSON shape at '" + field + "'.";
        Problem problem = Problem.of("malformed-body", "Malformed request body", 400, detail);
        return respond(field.isEmpty() ? problem : problem.withErrors(List.of(new Problem.FieldError(field, "wrong JSON type"))));
    }

    /** A field the endpoint does not take (see {@link StrictJson}), most often a misspelt one. */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(Problem.of("validation", "Invalid request", 400, "The body has a field this endpoint does not take.")
                .withErrors(List.of(unknownFieldError(e))));
    }

    /** The field's path and the fields its object does take, for the problem's errors and an import's row report. */
    public static Problem.FieldError unknownFieldError(UnrecognizedPropertyException e) {
        String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
        return new Problem.FieldError(jsonPath(e), known.isEmpty() ? "unknown field" : "unknown field; known fields: " + known);
    }

    /** An anonymous caller met an endpoint outside the HTTP permission layer (which answers the same). */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpServerResponse response) {
        return challenge(response, ProblemDetailsChallenge.MISSING, ProblemDetailsChallenge.BEARER);
    }

    /** A presented token failed; Quarkus hands this to the mappers in place of the mechanism's bare challenge. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerResponse response) {
        return challenge(response, ProblemDetailsChallenge.INVALID, ProblemDetailsChallenge.BEARER_INVALID_TOKEN);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "Your roles do not allow this request."));
    }

    @ServerExceptionMapper
    public Response refused(DomainException e) {
        Response problem = respond(e.problem());
        OptionalLong retryAfter = e.retryAfterSeconds();
        return retryAfter.isEmpty() ? problem
                : Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong()).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = reason == null ? "HTTP " + status : reason.getReasonPhrase();
        String detail = status == 400 && e.getCause() instanceof JsonProcessingException
                ? "The body is not well-formed JSON."
                : title + ".";
        return respond(Problem.of(slug(title), title, status, detail));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return respond(Problem.of("internal", "Internal error", 500,
                "The request could not be completed. Error id: " + errorId + "."));
    }

    private static Response challenge(HttpServerResponse response, Problem problem, String challenge) {
        // the mechanism may have put its own challenge on the response already: one challenge only
        response.headers().remove(ProblemDetailsChallenge.WWW_AUTHENTICATE);
        return Response.fromResponse(respond(problem)).header(ProblemDetailsChallenge.WWW_AUTHENTICATE, challenge).build();
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The field's path as the validation errors write it: {@code items[0].name}. */
    public static String jsonPath(MismatchedInputException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
