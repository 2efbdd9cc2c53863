package dev.panorama.profile.audit;

import dev.panorama.profile.api.Paging;
import dev.panorama.profile.config.ProfileConfig;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/profiles/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    /** One page of the audit log; {@code nextCursor} is absent on the last page. */
    public record AuditPage(List<ProfileRead> items, String nextCursor) {
    }

    private final ReadAudit audit;
    private final ProfileConfig config;

    public AuditResource(ReadAudit audit, ProfileConfig config) {
        this.audit = audit;
        this.config = config;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Who read which customer's profile, and when (newest first)")
    @APIResponse(responseCode = "200", description = "One page of staff reads")
    @APIResponse(responseCode = "400", description = "A limit out of range")
    public Uni<AuditPage> reads(@QueryParam("customerId") @Parameter(description = "only reads of this customer") UUID customerId,
            @QueryParam("actor") @Parameter(description = "only reads by this user or client") String actor,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Paging.limit(limit, config.maxPageSize());
        return audit.find(customerId, actor, cursor, size)
                .map(items -> new AuditPage(items, items.size() == size ? items.getLast().id() : null));
    }
}
