package dev.panorama.routing.dispatch;

import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.routing.agents.AgentStore;
import dev.panorama.routing.agents.PresenceChanges;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.matching.Escalation;
import dev.panorama.routing.matching.QueuePolicy;
import dev.panorama.routing.matching.Task;
import dev.panorama.routing.offers.OfferStatus;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.offers.OfferView;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.queues.QueueSettings;
import dev.panorama.routing.queues.QueueStore;
import dev.panorama.routing.store.Transactions;
import dev.panorama.routing.tasks.TaskLifecycle;
import dev.panorama.routing.tasks.TaskState;
import dev.panorama.routing.tasks.TaskStore;
import dev.panorama.routing.tasks.TaskView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What time does to routing, run by every replica each interval (safe side by side: each item is locked, and what
 * another replica holds is skipped or found already done): offers time out and their tasks go to the next agent
 * (an agent who misses too many in a row is set AWAY), waiting tasks reach their queue's escalation steps or
 * overflow, tasks past their queue's max wait expire, and wrap-up time ends. Then it dispatches. Escalation also
 * runs when the next step is due ({@link EscalationTimer}), so steps apply on time rather than at the next tick.
 *
 * <p>Sweeps run only while the service runs. The scheduler ticks from early in the start, while reactive messaging is
 * still connecting the {@code outbox} channel: a tick's nudge of the relay then failed ("Unable to connect an emitter"),
 * logged as an error with its stack trace; and it ticked on while the service stopped, when a sweep failed on the closed
 * database pool. A skipped tick loses nothing: the next sweep takes whatever is due by then.
 */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);
    private static final int BATCH = 200;
    private static final int MAX_ESCALATION_BATCHES = 10;
    /** How long stopping waits for a sweep in flight; a sweep takes milliseconds, a slow one under load seconds. */
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(10);

    private final Transactions transactions;
    private final OfferStore offers;
    private final TaskStore tasks;
    private final AgentStore agents;
    private final QueueStore queues;
    private final PresenceChanges presence;
    private final TaskLifecycle lifecycle;
    private final RoutingEvents events;
    private final DispatchTrigger dispatch;
    private final RoutingConfig config;
    private final Clock clock;
    private final EscalationTimer escalationTimer;
    private final WhileRunning running = new WhileRunning();

    public Sweeper(Transactions transactions, OfferStore offers, TaskStore tasks, AgentStore agents, QueueStore queues,
            PresenceChanges presence, TaskLifecycle lifecycle, RoutingEvents events, DispatchTrigger dispatch,
            RoutingConfig config, Clock clock, EscalationTimer escalationTimer) {
        this.transactions = transactions;
        this.offers = offers;
        this.tasks = tasks;
        this.agents = agents;
        this.queues = queues;
        this.presence = presence;
        this.lifecycle = lifecycle;
        this.events = events;
        this.dispatch = dispatch;
        this.config = config;
        this.clock = clock;
        this.escalationTimer = escalationTimer;
        escalationTimer.whenDue(this::escalateOnTime);
    }

    /** Reactive messaging has connected its channels by now: its own start observer runs before the application's. */
    void started(@Observes StartupEvent event) {
        running.started();
    }

    /** Observed before the database pool closes: no sweep starts from now on, and the one in flight may end. */
    void stopping(@Observes ShutdownEvent event) {
        if (!running.stopQuietly(STOP_PATIENCE)) {
            LOG.debugf("Routing sweep still running after %s while stopping", STOP_PATIENCE);
        }
    }

    @Scheduled(every = "${panorama.routing.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (!running.enter()) {
            LOG.debug("Routing sweep skipped: the service is starting or stopping");
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(this::sweep)
                .onFailure().invoke(failure -> running.failed(LOG, "Routing sweep", failure))
                .onFailure().recoverWithNull()
                .invoke(this::afterSweep)
                .eventually(running::left);
    }

    /**
     * Publishes what the sweep committed and lets dispatch look again. Not when stopping: the events wait in the outbox
     * and the tasks in their queues for the next start (of this replica or another), rather than fail on a closed pool.
     */
    private void afterSweep() {
        if (running.stopping()) {
            return;
        }
        events.publishSoon();
        dispatch.safetyNet();
    }

    /** One sweep of everything due now. */
    public Uni<Void> sweep() {
        return expireOffers().chain(this::escalate).chain(this::expireTasks).chain(this::endWrapUps);
    }

    // --- offers nobody answered

    Uni<Void> expireOffers() {
        return transactions.read(connection -> offers.expiredOpen(connection, clock.instant(), BATCH))
                .chain(due -> each(due, this::expire));
    }

    private Uni<Void> expire(OfferView seen) {
        return transactions.<Void>inTransaction(connection -> agents.lock(connection, seen.agentId())
                .chain(agent -> offers.lock(connection, seen.offerId()).chain(offer -> {
                    Instant now = clock.instant();
                    if (agent.isEmpty() || offer.isEmpty() || offer.get().status() != OfferStatus.OPEN
                            || now.isBefore(offer.get().expiresAt())) {
                        return Uni.createFrom().voidItem();
                    }
                    return offers.close(connection, seen.offerId(), OfferStatus.EXPIRED, now)
                            .chain(() -> tasks.requeue(connection, List.of(seen.taskId()), now))
                            .chain(() -> missed(connection, agent.get(), now));
                })))
                .invoke(() -> {
                    dispatch.agent(seen.agentId());
                    dispatch.task(seen.taskId());
                });
    }

    private Uni<Void> missed(SqlConnection connection, AgentStore.Locked agent, Instant now) {
        int missed = agent.missedOffers() + 1;
        Uni<Void> counted = agents.setMissedOffers(connection, agent.id(), missed);
        if (missed < config.maxMissedOffers() || agent.presence() != AgentPresence.AVAILABLE) {
            return counted;
        }
        return counted.chain(() -> presence.change(connection, agent, AgentPresence.AWAY, "missed-offers", null, now))
                .replaceWithVoid();
    }

    // --- escalation steps and overflow

    /**
     * Escalated tasks may now go to agents they could not go to before: a round for them follows each batch. A
     * burst of tasks reaching a step together is worked off in several batches per tick.
     */
    Uni<Void> escalate() {
        return escalateBatches(0).chain(this::armForNextStep);
    }

    /** The next step due is escalated on time by the escalation timer, not at a later tick. */
    private Uni<Void> armForNextStep() {
        return transactions.read(tasks::nextEscalationDue)
                .invoke(due -> due.ifPresent(escalationTimer::at))
                .replaceWithVoid();
    }

    /** Only while the service runs, as the ticks: a tick after start escalates what fell due before. */
    private void escalateOnTime() {
        if (!running.enter()) {
            return;
        }
        Uni.createFrom().deferred(this::escalate).eventually(running::left)
                .subscribe().with(ignored -> { }, failure -> running.failed(LOG, "Escalation on time", failure));
    }

    private Uni<Void> escalateBatches(int done) {
        return transactions.inTransaction(connection -> queues.all(connection)
                        .chain(all -> tasks.lockEscalationDue(connection, clock.instant(), BATCH)
                                .chain(due -> escalate(connection, all, due))))
                .invoke(this::askForRounds)
                .chain(pass -> pass.due() == BATCH && done + 1 < MAX_ESCALATION_BATCHES
                        ? escalateBatches(done + 1) : Uni.createFrom().voidItem());
    }

    /**
     * What one escalation pass did: how many tasks were due, which moved up a step after waiting untouched at the one
     * before (from which), and the others (moved up a step soon after a change, or overflowed to another queue).
     */
    private record Pass(int due, Map<UUID, Integer> escalatedFrom, List<UUID> others) {
    }

    /**
     * A task escalated after waiting untouched for a whole dispatch interval at its step had its round there (or is
     * the safety net's), so its round now needs only the agents the new step admits; one changed more recently may
     * have been skipped by its round while this pass held it, so its round looks at every agent it admits.
     */
    private void askForRounds(Pass pass) {
        dispatch.escalated(pass.escalatedFrom());
        dispatch.tasks(pass.others());
    }

    /**
     * The due tasks' next steps: the escalations in one statement, each overflow to another queue on its own (they
     * are rare; each enters its queue afresh).
     */
    private Uni<Pass> escalate(SqlConnection connection, Map<String, QueueSettings> queues, List<TaskStore.Routable> due) {
        Instant now = clock.instant();
        List<TaskStore.Escalated> escalated = new ArrayList<>();
        Map<UUID, Integer> escalatedFrom = new HashMap<>();
        List<UUID> others = new ArrayList<>();
        Instant untouchedSince = now.minus(config.dispatchInterval());
        List<Uni<Void>> overflows = new ArrayList<>();
        for (TaskStore.Routable routable : due) {
            Task task = routable.task();
            QueuePolicy queue = queues.get(task.queueId()).policy();
            Escalation.Outcome outcome = Escalation.at(task, queue, now);
            if (outcome.overflowTo().isPresent()) {
                overflows.add(tasks.enterQueue(connection, task.id(), queues.get(outcome.overflowTo().get()), now));
                others.add(task.id());
            } else {
                Instant next = outcome.level() < queue.steps().size()
                        ? task.queuedAt().plus(queue.steps().get(outcome.level()).after()) : null;
                escalated.add(new TaskStore.Escalated(task.id(), outcome.level(), next));
                if (routable.updatedAt().isAfter(untouchedSince)) {
                    others.add(task.id());
                } else {
                    escalatedFrom.put(task.id(), task.escalationLevel());
                }
            }
        }
        return tasks.escalate(connection, escalated, now)
                .chain(() -> each(overflows, overflow -> overflow))
                .replaceWith(new Pass(due.size(), escalatedFrom, others));
    }

    // --- waited too long

    Uni<Void> expireTasks() {
        return transactions.inTransaction(connection -> tasks.lockExpiryDue(connection, clock.instant(), BATCH)
                .chain(due -> each(due, task -> lifecycle.complete(connection, task, TaskOutcome.EXPIRED, TaskState.EXPIRED,
                        null, clock.instant()).replaceWithVoid())));
    }

    // --- wrap-up time over

    Uni<Void> endWrapUps() {
        return transactions.read(connection -> tasks.wrapUpsDue(connection, clock.instant(), BATCH))
                .chain(due -> each(due, this::endWrapUp));
    }

    private Uni<Void> endWrapUp(TaskView seen) {
        return transactions.inTransaction(connection -> agents.lock(connection, seen.agentId())
                .chain(() -> tasks.lock(connection, seen.id()))
                .chain(task -> {
                    Instant now = clock.instant();
                    if (task.isEmpty() || task.get().state() != TaskState.WRAP_UP || now.isBefore(task.get().wrapUpUntil())) {
                        return Uni.createFrom().voidItem();
                    }
                    return lifecycle.complete(connection, task.get(), TaskOutcome.COMPLETED, TaskState.COMPLETED, null, now)
                            .replaceWithVoid();
                }))
                .invoke(() -> dispatch.agent(seen.agentId()));
    }

    private static <T> Uni<Void> each(List<T> items, java.util.function.Function<T, Uni<Void>> step) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> step.apply(item))
                .collect().last().replaceWithVoid();
    }
}
