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
     * are locked in that order by statements sent together; the changes and the answer's read go out together too.
     */
    public Uni<TaskView> accept(Caller caller, UUID offerId) {
        return transactions.inTransaction(connection -> seenOffer(connection, caller, offerId)
                        .chain(seen -> Uni.combine().all().unis(agents.lock(connection, seen.agentId()),
                                        offers.lock(connection, offerId), tasks.lock(connection, seen.taskId()))
                                .asTuple())
                        .chain(locked -> {
                            OfferView offer = locked.getItem2().orElseThrow(() -> new UnknownOffer(offerId));
                            Instant now = clock.instant();
                            requireOpen(offer, now);
                            TaskView task = locked.getItem3()
                                    .filter(found -> found.state() == TaskState.OFFERED && offer.agentId().equals(found.agentId()))
                                    .orElseThrow(() -> OfferClosed.answered(offer.offerId(), OfferStatus.WITHDRAWN));
                            return assign(connection, offer, task, now);
                        }))
                .invoke(task -> {
                    events.publishSoon();
                    // the agent may have room on other channels, which a round held up by this answer skipped
                    dispatch.agent(task.agentId());
                });
    }

    /** The task waits again, and this agent is not offered it for a while. */
    public Uni<OfferView> reject(Caller caller, UUID offerId) {
        return transactions.inTransaction(connection -> openOffer(connection, caller, offerId)
                        .chain(offer -> closeRejected(connection, offer, clock.instant())))
                .invoke(offer -> {
                    dispatch.agent(offer.agentId());
                    dispatch.task(offer.taskId());
                });
    }

    /** The offer as read without a lock, once the caller may answer it: whose it is and for which task (neither changes). */
    private Uni<OfferStore.Parties> seenOffer(SqlConnection connection, Caller caller, UUID offerId) {
        return offers.parties(connection, offerId)
                .map(found -> found.orElseThrow(() -> new UnknownOffer(offerId)))
                .invoke(offer -> caller.mayActFor(offer.agentId()));
    }

    private Uni<OfferView> openOffer(SqlConnection connection, Caller caller, UUID offerId) {
        return seenOffer(connection, caller, offerId)
                .chain(seen -> Uni.combine().all().unis(agents.lock(connection, seen.agentId()), offers.lock(connection, offerId))
                        .asTuple())
                .map(locked -> locked.getItem2().orElseThrow(() -> new UnknownOffer(offerId)))
                .invoke(offer -> requireOpen(offer, clock.instant()));
    }

    private Uni<TaskView> assign(SqlConnection connection, OfferView offer, TaskView task, Instant now) {
        return Uni.combine().all().unis(offers.close(connection, offer.offerId(), OfferStatus.ACCEPTED, now),
                        tasks.assign(connection, offer.taskId(), now),
                        agents.tookTask(connection, offer.agentId(), now),
                        events.add(connection, new TaskAssigned(task.id(), offer.agentId(), task.customerId(),
                                task.channel(), task.queueId(), Duration.between(task.createdAt(), now).toMillis(), now),
                                task.customerId(), now))
                .asTuple()
                .map(done -> done.getItem2().orElseThrow());
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
