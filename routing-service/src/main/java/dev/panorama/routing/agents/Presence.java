package dev.panorama.routing.agents;

import dev.panorama.events.routing.AgentPresence;
import dev.panorama.kit.problem.InvalidInputException;
import dev.panorama.routing.dispatch.DispatchTrigger;
import dev.panorama.routing.dispatch.Dispatcher;
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
 * WRAP_UP is routing's own (it follows a task's wrap-up) and cannot be set by hand. An agent who becomes available is
 * offered what it has room for in the same transaction (its offers are due the moment the change commits).
 */
@ApplicationScoped
public class Presence {

    private final Transactions transactions;
    private final AgentStore agents;
    private final PresenceChanges changes;
    private final RoutingEvents events;
    private final DispatchTrigger dispatch;
    private final Dispatcher dispatcher;
    private final Clock clock;

    /** The agent after the change, and whether it may still have room while tasks wait (its own pass ran out of pages). */
    private record Changed(AgentView view, boolean roomLeft) {
    }

    public Presence(Transactions transactions, AgentStore agents, PresenceChanges changes, RoutingEvents events,
            DispatchTrigger dispatch, Dispatcher dispatcher, Clock clock) {
        this.transactions = transactions;
        this.agents = agents;
        this.changes = changes;
        this.events = events;
        this.dispatch = dispatch;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** The caller sets its own presence; creates the caller's agent on first use. */
    public Uni<AgentView> setOwn(Caller caller, AgentPresence presence) {
        requireSettable(presence);
        return transactions.inTransaction(connection -> agents.createIfAbsent(connection, caller.name(), caller.subject(),
                        null, changes.defaultCapacity(), clock.instant())
                .chain(() -> change(connection, caller.name(), presence, "agent")))
                .map(this::afterCommit);
    }

    /** A supervisor sets an existing agent's presence. */
    public Uni<AgentView> setFor(String agentId, AgentPresence presence, Caller supervisor) {
        requireSettable(presence);
        return transactions.inTransaction(connection -> change(connection, agentId, presence, "supervisor"))
                .map(this::afterCommit);
    }

    private Uni<Changed> change(SqlConnection connection, String agentId, AgentPresence presence, String reason) {
        return agents.lock(connection, agentId)
                .map(found -> found.orElseThrow(() -> new UnknownAgent(agentId)))
                .chain(locked -> changes.change(connection, locked, presence, reason, null, now()))
                .chain(() -> presence == AgentPresence.AVAILABLE ? dispatcher.forOwnAgent(connection, agentId)
                        : Uni.createFrom().item(false))
                .chain(roomLeft -> agents.view(connection, agentId)
                        .map(view -> new Changed(view.orElseThrow(() -> new UnknownAgent(agentId)), roomLeft)));
    }

    private Instant now() {
        return clock.instant();
    }

    /** An available agent's own pass goes on in a round if it ran out of pages; one who left may have given tasks back to the queue. */
    private AgentView afterCommit(Changed changed) {
        AgentView view = changed.view();
        events.publishSoon();
        if (view.presence() != AgentPresence.AVAILABLE) {
            dispatch.soon();
        } else if (changed.roomLeft()) {
            dispatch.agent(view.id());
        }
        return view;
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
