package dev.panorama.routing.agents;

import dev.panorama.events.routing.AgentPresence;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.routing.dispatch.DispatchTrigger;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.store.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Presence set by agents (their own) and supervisors (anyone's). An agent who sets a presence for the first time
 * becomes an agent of routing then: no skills, the default capacity per channel, until a supervisor says more.
 * WRAP_UP is routing's own (it follows a task's wrap-up) and cannot be set by hand.
 */
@ApplicationScoped
public class Presence {

    private final Transactions transactions;
    private final AgentStore agents;
    private final PresenceChanges changes;
    private final RoutingEvents events;
    private final DispatchTrigger dispatch;
    private final Clock clock;

    public Presence(Transactions transactions, AgentStore agents, PresenceChanges changes, RoutingEvents events,
            DispatchTrigger dispatch, Clock clock) {
        this.transactions = transactions;
        this.agents = agents;
        this.changes = changes;
        this.events = events;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    /** The caller sets its own presence; creates the caller's agent on first use. */
    public Uni<AgentView> setOwn(Caller caller, AgentPresence presence) {
        requireSettable(presence);
        return transactions.inTransaction(connection -> agents.createIfAbsent(connection, caller.name(), caller.subject(),
                        null, changes.defaultCapacity(), clock.instant())
                .chain(() -> change(connection, caller.name(), presence, "agent")))
                .invoke(this::afterCommit);
    }

    /** A supervisor sets an existing agent's presence. */
    public Uni<AgentView> setFor(String agentId, AgentPresence presence, Caller supervisor) {
        requireSettable(presence);
        return transactions.inTransaction(connection -> change(connection, agentId, presence, "supervisor"))
                .invoke(this::afterCommit);
    }

    private Uni<AgentView> change(SqlConnection connection, String agentId, AgentPresence presence, String reason) {
        return agents.lock(connection, agentId)
                .map(found -> found.orElseThrow(() -> new UnknownAgent(agentId)))
                .chain(locked -> changes.change(connection, locked, presence, reason, null, now()))
                .chain(() -> agents.view(connection, agentId))
                .map(view -> view.orElseThrow(() -> new UnknownAgent(agentId)));
    }

    private Instant now() {
        return clock.instant();
    }

    /** An available agent gets a round of its own; one who left may have given tasks back to the queue. */
    private void afterCommit(AgentView view) {
        events.publishSoon();
        if (view.presence() == AgentPresence.AVAILABLE) {
            dispatch.agent(view.id());
        } else {
            dispatch.soon();
        }
    }

    private static void requireSettable(AgentPresence presence) {
        if (presence == null) {
            throw InvalidInputException.field("presence", "must be one of AVAILABLE, BUSY, AWAY, OFFLINE");
        }
        if (presence == AgentPresence.WRAP_UP) {
            throw InvalidInputException.field("presence", "WRAP_UP follows a task's wrap-up and cannot be set by hand");
        }
    }
}
