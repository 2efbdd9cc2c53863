package dev.panorama.routing.agents;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.AgentPresenceChanged;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.tasks.TaskStore;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Changes an agent's presence inside the caller's transaction, the agent row already locked: an agent who is no
 * longer available loses its open offers (their tasks wait again), and {@code AgentPresenceChanged} leaves with it.
 */
@ApplicationScoped
public class PresenceChanges {

    private final AgentStore agents;
    private final OfferStore offers;
    private final TaskStore tasks;
    private final RoutingEvents events;
    private final Map<Channel, Integer> defaultCapacity;

    public PresenceChanges(AgentStore agents, OfferStore offers, TaskStore tasks, RoutingEvents events, RoutingConfig config) {
        this.agents = agents;
        this.offers = offers;
        this.tasks = tasks;
        this.events = events;
        this.defaultCapacity = new EnumMap<>(Channel.class);
        config.defaultCapacity().stream().map(entry -> entry.split("=", 2))
                .forEach(pair -> defaultCapacity.put(Channel.valueOf(pair[0].trim()), Integer.parseInt(pair[1].trim())));
    }

    /** Capacity per channel of an agent nobody configured. */
    public Map<Channel, Integer> defaultCapacity() {
        return defaultCapacity;
    }

    /** Answers whether the presence changed. */
    public Uni<Boolean> change(SqlConnection connection, AgentStore.Locked agent, AgentPresence to, String reason,
            Instant wrapUpUntil, Instant now) {
        if (agent.presence() == to && to != AgentPresence.WRAP_UP) {
            return Uni.createFrom().item(false);
        }
        AgentPresenceChanged changed = new AgentPresenceChanged(agent.id(), to, agent.presence(), reason, now);
        return agents.setPresence(connection, agent.id(), to, reason, wrapUpUntil, now)
                .chain(() -> routable(to) ? Uni.createFrom().voidItem() : withdrawOffers(connection, agent.id(), now))
                .chain(() -> events.add(connection, changed, null, now))
                .replaceWith(true);
    }

    /** WRAP_UP keeps the agent's offers: they were made before and may still be answered. */
    private static boolean routable(AgentPresence presence) {
        return presence == AgentPresence.AVAILABLE || presence == AgentPresence.WRAP_UP;
    }

    private Uni<Void> withdrawOffers(SqlConnection connection, String agentId, Instant now) {
        return offers.withdrawAllOf(connection, agentId, now).chain(taskIds -> tasks.requeue(connection, taskIds, now));
    }
}
