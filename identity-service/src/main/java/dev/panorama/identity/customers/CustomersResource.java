package dev.panorama.identity.customers;

import dev.panorama.identity.erasure.ErasureService;
import dev.panorama.outbox.OutboxRelay;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Path("/api/v1/identity/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {

    private final CustomerQueries queries;
    private final ErasureService erasure;
    private final OutboxRelay relay;
    private final SecurityIdentity caller;

    public CustomersResource(CustomerQueries queries, ErasureService erasure, OutboxRelay relay, SecurityIdentity caller) {
        this.queries = queries;
        this.erasure = erasure;
        this.relay = relay;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "supervisor", "data-steward", "admin"})
    @Operation(summary = "A customer: the golden record, every identifier, every linked source record and why each was linked",
            description = "Each golden value is shown as a source sent it, with the survivorship rule that chose it and the"
                    + " source records that carry it; emails and phones list every distinct value, best first (primary).")
    @APIResponse(responseCode = "200", description = "The customer; a merged customer names the one it was merged into")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "410", description = "The customer was erased: problem details with customerId, erasedAt"
            + " and erasedBy, nothing personal")
    public Uni<CustomerView> customer(@PathParam("id") UUID id) {
        return queries.customer(id);
    }

    // a write runs to its end even if its caller hangs up: cancelled half-way, its transaction kept its locks
    @Cancellable(false)
    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Erase a customer's personal data",
            description = "In one transaction every version of every source record of the customer, and of the customers"
                    + " merged into it, loses its personal data (system, id, version and times stay, so history stays"
                    + " countable), the customer stays as a tombstone, and CustomerErased is published so every service"
                    + " forgets too. A record sent again later becomes a new customer. Idempotent: erasing an erased"
                    + " customer again answers 204 and publishes nothing.")
    @APIResponse(responseCode = "204", description = "Erased (now or before)")
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "The customer was merged into another; the problem names the survivor to erase"
            + "; or other changes to the same customers kept getting in the way (concurrent-change, with Retry-After)")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return erasure.erase(id, caller.getPrincipal().getName())
                .invoke(relay::nudge)
                .map(erased -> Response.noContent().build());
    }
}
