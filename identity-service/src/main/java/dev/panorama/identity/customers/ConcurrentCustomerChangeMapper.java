package dev.panorama.identity.customers;

import dev.panorama.kit.problem.Problem;
import dev.panorama.kit.problem.ProblemMappers;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problem every domain refusal gets, plus Retry-After: the other change is over in a moment. */
public class ConcurrentCustomerChangeMapper {

    static final int RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    public Response concurrent(ConcurrentCustomerChange e) {
        Response problem = ProblemMappers.respond(Problem.of(ConcurrentCustomerChange.TYPE, "Conflict", 409, e.getMessage()));
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
