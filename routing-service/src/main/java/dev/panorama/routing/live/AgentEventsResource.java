package dev.panorama.routing.live;

import dev.panorama.routing.agents.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The calling agent's offers, tasks and presence as they change, pushed over server-sent events. */
@Path("/api/v1/routing/agents/me/events")
@RolesAllowed({"agent", "admin"})
public class AgentEventsResource {

    private final AgentEventStream streams;
    private final SecurityIdentity identity;

    public AgentEventsResource(AgentEventStream streams, SecurityIdentity identity) {
        this.streams = streams;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The caller's routing events: ready, offer, offer-closed, task, presence, and a heartbeat comment",
            description = "offer and offer-closed carry the offer as /agents/me/offers shows it, task the task, presence the"
                    + " agent as /agents/me shows it. Events from every replica reach the stream (PostgreSQL NOTIFY).")
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        return streams.of(Caller.of(identity).name(), sse);
    }
}
