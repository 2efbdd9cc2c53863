package dev.panorama.identity.verification;

import dev.panorama.kit.problem.Problem;
import dev.panorama.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem every domain refusal gets, plus Retry-After, so a client can tell the caller when to try again. */
public class VerificationLockedMapper {

    @ServerExceptionMapper
    public Response locked(VerificationLocked e) {
        long seconds = Math.max(1, Duration.between(Clock.systemUTC().instant(), e.lockedUntil()).toSeconds() + 1);
        Response problem = ProblemMappers.respond(Problem.of(VerificationLocked.TYPE, "Locked", 423, e.getMessage()));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }
}
