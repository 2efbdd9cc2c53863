package dev.panorama.identity.erasure;

import dev.panorama.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An erased customer answers 410 with its tombstone's facts as problem details members, and nothing personal. */
public class TombstoneProblems {

    /** RFC 9457 problem details with the tombstone's extension members. */
    public record Tombstone(URI type, String title, int status, String detail, UUID customerId, Instant erasedAt,
            String erasedBy) {
    }

    @ServerExceptionMapper
    public Response gone(ErasedCustomer erased) {
        Problem problem = Problem.of("customer-erased", "Gone", 410, erased.getMessage());
        return Response.status(410).type(Problem.MEDIA_TYPE).entity(new Tombstone(problem.type(), problem.title(),
                problem.status(), problem.detail(), erased.customerId(), erased.erasedAt(), erased.erasedBy())).build();
    }
}
