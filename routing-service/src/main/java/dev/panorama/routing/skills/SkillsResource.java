package dev.panorama.routing.skills;

import dev.panorama.kit.problem.StrictJson;
import dev.panorama.routing.store.Transactions;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The skills catalogue: languages, products, channels... Agents and tasks can only name these. */
@Path("/api/v1/routing/skills")
@CustomDeserialization(StrictJson.class)
public class SkillsResource {

    /** Lower-case letters, digits and {@code : . _ -}, e.g. {@code lang:de}, {@code billing}. */
    static final String NAME = "^[a-z0-9][a-z0-9:._-]{0,62}$";

    private final Transactions transactions;
    private final SkillCatalogue catalogue;

    public SkillsResource(Transactions transactions, SkillCatalogue catalogue) {
        this.transactions = transactions;
        this.catalogue = catalogue;
    }

    public record SkillRequest(@Size(max = 500) String description) {
    }

    public record Skills(List<Skill> items) {
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin"})
    @Operation(summary = "Every skill of the catalogue")
    public Uni<Skills> list() {
        return transactions.read(catalogue::all).map(Skills::new);
    }

    @PUT
    @Path("/{name}")
    // JSON only: the request's one String component would otherwise let any text/plain body through as the description
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Add a skill to the catalogue, or change its description")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "200", description = "Changed")
    public Uni<Response> put(@PathParam("name") @Pattern(regexp = NAME) String name, @NotNull @Valid SkillRequest request) {
        Skill skill = new Skill(name, request.description());
        return transactions.inTransaction(connection -> catalogue.put(connection, skill))
                .map(created -> Response.status(created ? 201 : 200).entity(skill).build());
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Remove a skill no agent holds")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such skill")
    @APIResponse(responseCode = "409", description = "Agents still hold it")
    public Uni<Response> remove(@PathParam("name") @Pattern(regexp = NAME) String name) {
        return transactions.inTransaction(connection -> catalogue.remove(connection, name))
                .replaceWith(Response.noContent().build());
    }
}
