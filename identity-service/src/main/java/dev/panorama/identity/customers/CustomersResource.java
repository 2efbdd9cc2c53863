package dev.panorama.identity.customers;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/identity/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    private final CustomerQueries queries;

    public CustomersResource(CustomerQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "supervisor", "data-steward", "admin"})
    @Operation(summary = "A customer with every linked source record and why each was linked")
    @APIResponse(responseCode = "200", description = "The customer; a merged customer names the one it was merged into")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<CustomerView> customer(@PathParam("id") UUID id) {
        return queries.customer(id);
    }
}
