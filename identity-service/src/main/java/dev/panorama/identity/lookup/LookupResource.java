package dev.panorama.identity.lookup;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

@Path("/api/v1/identity/lookup")
@Produces(MediaType.APPLICATION_JSON)
public class LookupResource {

    /** The customers found, none when nobody carries the value. */
    public record LookupResult(String type, List<UUID> customerIds) {
    }

    private final LookupService lookup;

    public LookupResource(LookupService lookup) {
        this.lookup = lookup;
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "data-steward", "admin", "channel-adapter"})
    @Operation(summary = "Find the customers carrying an email, a phone number or an identifier")
    public Uni<LookupResult> lookup(
            @QueryParam("type") @NotBlank @Size(max = 40) @Parameter(description = "email, phone, or an identifier type such as national-id") String type,
            @QueryParam("value") @NotBlank @Size(max = 320) String value) {
        return lookup.customersWith(type, value).map(ids -> new LookupResult(type, ids));
    }
}
