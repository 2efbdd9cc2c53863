package dev.panorama.routing.offers;

import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.routing.agents.AgentStore;
import dev.panorama.routing.agents.Caller;
import dev.panorama.routing.dispatch.DispatchTrigger;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskState;
import dev.panorama.routing.tasks.TaskStore;
import dev.panorama.routing.tasks.TaskView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An agent answers an offer. Locks the agent, then the offer, then the task, and reads the clock after them: an
 * offer accepted a moment after it expired is refused even if the sweeper has not closed it yet.
 */
@ApplicationScoped
public class OfferAnswers {

    private final Transactions transactions;
    private final OfferStore offers;
    private final TaskStore tasks;
    private final AgentStore agents;
    private final RoutingEvents events;
    private final DispatchTrigger dispatch;
    private final Clock clock;

    public OfferAnswers(Transactions transactions, OfferStore offers, TaskStore tasks, AgentStore agents,
            RoutingEvents events, DispatchTrigger dispatch, Clock clock) {
        this.transactions = transactions;
        this.offers = offers;
        this.tasks = tasks;
        this.agents = agents;
        this.events = events;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    public Uni<List<OfferView>> openFor(String agentId) {
        return transactions.read(connection -> offers.openFor(connection, agentId));
    }

    public Uni<List<OfferView>> ofTask(UUID taskId) {
        return transactions.read(connection -> offers.ofTask(connection, taskId));
    }

    /**
     * The task becomes the agent's (ASSIGNED); {@code TaskAssigned} leaves with it. The agent, the offer and the task
     * are locked in that order by statements sent together, each finding its row from the offer's id (an offer's
     * agent and task never change); the changes and the answer's read go out together too.
     */
    public Uni<TaskView> accept(Caller caller, UUID offerId) {
        return transactions.inTransaction(connection -> Uni.combine().all().unis(agents.lockOfferAgent(connection, offerId),
                                offers.lock(connection, offerId), tasks.lockOfOffer(connection, offerId)).asTuple()
                        .chain(locked -> {
                            Instant now = clock.instant();
                            OfferView offer = answerable(caller, locked.getItem2(), offerId, now);
                            TaskView task = locked.getItem3()
                                    .filter(found -> found.state() == TaskState.OFFERED && offer.agentId().equals(found.agentId()))
                                    .orElseThrow(() -> OfferClosed.answered(offer.offerId(), OfferStatus.WITHDRAWN));
                            return assign(connection, offer, task, now);
                        }))
                // frees no slot: a round that skipped the agent while this answer held it asks for it again itself
                .invoke(events::publishSoon);
    }

    /** The task waits again, and this agent is not offered it for a while. */
    public Uni<OfferView> reject(Caller caller, UUID offerId) {
        return transactions.inTransaction(connection -> Uni.combine().all().unis(agents.lockOfferAgent(connection, offerId),
                                offers.lock(connection, offerId)).asTuple()
                        .chain(locked -> {
                            Instant now = clock.instant();
                            return closeRejected(connection, answerable(caller, locked.getItem2(), offerId, now), now);
                        }))
                .invoke(offer -> {
                    dispatch.agent(offer.agentId());
                    dispatch.task(offer.taskId());
                });
    }

    /**
     * The offer as locked after its agent, once the caller may answer it and it is still open; the clock is read
     * after the locks, so an offer accepted a moment after it expired is refused.
     */
    private static OfferView answerable(Caller caller, Optional<OfferView> locked, UUID offerId, Instant now) {
        OfferView offer = locked.orElseThrow(() -> new UnknownOffer(offerId));
        caller.mayActFor(offer.agentId());
        requireOpen(offer, now);
        return offer;
    }

    private Uni<TaskView> assign(SqlConnection connection, OfferView offer, TaskView task, Instant now) {
        TaskAssigned assigned = new TaskAssigned(task.id(), offer.agentId(), task.customerId(), task.channel(), task.queueId(),
                Duration.between(task.createdAt(), now).toMillis(), now);
        return tasks.accepted(connection, offer.taskId(), offer.offerId(), offer.agentId(),
                        new RoutingEvents.Pending(assigned, task.customerId(), now), now)
                .map(Optional::orElseThrow);
    }

    private Uni<OfferView> closeRejected(SqlConnection connection, OfferView offer, Instant now) {
        return offers.close(connection, offer.offerId(), OfferStatus.REJECTED, now)
                .chain(() -> tasks.requeue(connection, List.of(offer.taskId()), now))
                .chain(() -> offers.find(connection, offer.offerId()))
                .map(found -> found.orElseThrow());
    }

    private static void requireOpen(OfferView offer, Instant now) {
        if (offer.status() == OfferStatus.EXPIRED || offer.status() == OfferStatus.OPEN && !now.isBefore(offer.expiresAt())) {
            throw OfferClosed.expired(offer.offerId());
        }
        if (offer.status() != OfferStatus.OPEN) {
            throw OfferClosed.answered(offer.offerId(), offer.status());
        }
    }
}
