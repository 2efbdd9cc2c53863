package dev.panorama.profile.audit;

import dev.panorama.kit.problem.Problem;
import dev.panorama.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** No audit entry, no profile: the read is refused as a passing unavailability, with when to try again. */
public class AuditUnavailableMapper {

    @ServerExceptionMapper
    public Response unavailable(AuditUnavailable e) {
        Response problem = ProblemMappers.respond(Problem.of("audit-unavailable", "Service Unavailable", 503,
                "Staff reads are answered only once audit-logged, and " + e.getMessage() + "; try again shortly."));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, 1).build();
    }
}
