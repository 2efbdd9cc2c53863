package dev.panorama.identity.merge;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/v1/identity/customers/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerHistoryResource {

    private final HistoryQueries history;

    public CustomerHistoryResource(HistoryQueries history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "data-steward", "admin"})
    @Operation(summary = "Every merge, split and undo involving the customer, newest first",
            description = "Each entry: kind, who, when, why, score, and the customers with their records before and after.")
    @APIResponse(responseCode = "200", description = "The history (empty when nothing happened to the customer)")
    @APIResponse(responseCode = "404", description = "No such customer (customer-not-found)")
    public Uni<List<ChangeView>> history(@PathParam("id") UUID id) {
        return history.historyOf(id);
    }
}
