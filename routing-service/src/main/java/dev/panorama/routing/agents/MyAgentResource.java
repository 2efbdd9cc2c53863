package dev.panorama.routing.agents;

import dev.panorama.kit.problem.StrictJson;
import dev.panorama.routing.offers.OfferAnswers;
import dev.panorama.routing.offers.OfferView;
import dev.panorama.routing.tasks.TaskLifecycle;
import dev.panorama.routing.tasks.TaskView;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The calling agent's own routing: presence, open offers, tasks in hand. The agent is the token's
 * preferred_username; the first presence change makes the caller an agent (no skills, default capacity).
 */
@Path("/api/v1/routing/agents/me")
@RolesAllowed({"agent", "admin"})
@CustomDeserialization(StrictJson.class)
public class MyAgentResource {

    private final Presence presence;
    private final AgentAdministration administration;
    private final OfferAnswers offers;
    private final TaskLifecycle tasks;
    private final SecurityIdentity identity;

    public MyAgentResource(Presence presence, AgentAdministration administration, OfferAnswers offers,
            TaskLifecycle tasks, SecurityIdentity identity) {
        this.presence = presence;
        this.administration = administration;
        this.offers = offers;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** A list as the console reads it. */
    public record Items<T>(List<T> items) {
    }

    @GET
    @Operation(summary = "The caller as an agent: presence, skills, capacity, load")
    @APIResponse(responseCode = "404", description = "The caller never set a presence and no supervisor set it up")
    public Uni<AgentView> me() {
        return administration.own(Caller.of(identity));
    }

    @PUT
    @Path("/presence")
    @Operation(summary = "Set the caller's presence: AVAILABLE, BUSY, AWAY or OFFLINE",
            description = "Takes effect at once: becoming available triggers routing; leaving withdraws open offers.")
    @APIResponse(responseCode = "400", description = "No or an unknown presence, or WRAP_UP")
    public Uni<AgentView> setPresence(@NotNull @Valid AgentsResource.PresenceRequest request) {
        return presence.setOwn(Caller.of(identity), request.presence());
    }

    @GET
    @Path("/offers")
    @Operation(summary = "The caller's open offers, oldest first")
    public Uni<Items<OfferView>> offers() {
        return offers.openFor(Caller.of(identity).name()).map(Items::new);
    }

    @GET
    @Path("/tasks")
    @Operation(summary = "The tasks the caller holds (assigned or in wrap-up)")
    public Uni<Items<TaskView>> tasks() {
        return tasks.heldBy(Caller.of(identity).name()).map(Items::new);
    }
}
