package dev.panorama.routing.agents;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.kit.problem.StrictJson;
import dev.panorama.routing.store.Page;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Supervisors manage agents: skills with proficiency, capacity per channel, presence. */
@Path("/api/v1/routing/agents")
@CustomDeserialization(StrictJson.class)
public class AgentsResource {

    private final AgentAdministration administration;
    private final Presence presence;
    private final SecurityIdentity identity;

    public AgentsResource(AgentAdministration administration, Presence presence, SecurityIdentity identity) {
        this.administration = administration;
        this.presence = presence;
        this.identity = identity;
    }

    /** A skill held at a proficiency of 1 (basic) to 5 (expert). */
    public record SkillLevelRequest(@NotBlank @Size(max = 63) String skill, @Min(1) @Max(5) int proficiency) {
    }

    /**
     * An agent's routing profile; channels left out of {@code capacity} hold the default.
     */
    public record AgentRequest(@Size(max = 200) String displayName, @Size(max = 100) List<@NotNull @Valid SkillLevelRequest> skills,
            Map<Channel, @NotNull @Min(0) @Max(100) Integer> capacity) {
    }

    public record PresenceRequest(@NotNull AgentPresence presence) {
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Agents by id, one page", description = "cursor: the nextCursor of the previous page")
    public Uni<Page<AgentView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") @Size(max = 200) String cursor) {
        return administration.page(cursor, Page.limit(limit));
    }

    @GET
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "One agent: presence, skills, capacity and current load per channel")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentView> get(@PathParam("agentId") @Pattern(regexp = AgentAdministration.ID) String agentId) {
        return administration.get(agentId);
    }

    @PUT
    @Path("/{agentId}")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Create or replace an agent's skills, capacity and display name (the id is the Keycloak username)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid fields, e.g. a skill listed twice")
    @APIResponse(responseCode = "422", description = "A skill not in the catalogue")
    public Uni<Response> put(@PathParam("agentId") @Pattern(regexp = AgentAdministration.ID) String agentId,
            @NotNull @Valid AgentRequest request) {
        return administration.put(agentId, request)
                .map(saved -> Response.status(saved.created() ? 201 : 200).entity(saved.agent()).build());
    }

    @PUT
    @Path("/{agentId}/presence")
    @RolesAllowed({"supervisor", "admin"})
    @Operation(summary = "Set an agent's presence (e.g. log out an agent who left); WRAP_UP cannot be set by hand")
    @APIResponse(responseCode = "404", description = "No such agent")
    public Uni<AgentView> setPresence(@PathParam("agentId") @Pattern(regexp = AgentAdministration.ID) String agentId,
            @NotNull @Valid PresenceRequest request) {
        return presence.setFor(agentId, request.presence(), Caller.of(identity));
    }
}
