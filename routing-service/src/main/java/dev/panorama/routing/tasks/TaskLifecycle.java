package dev.panorama.routing.tasks;

import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskCreated;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.routing.agents.AgentStore;
import dev.panorama.routing.agents.AgentUnavailable;
import dev.panorama.routing.agents.Caller;
import dev.panorama.routing.agents.PresenceChanges;
import dev.panorama.routing.config.RoutingConfig;
import dev.panorama.routing.dispatch.DispatchTrigger;
import dev.panorama.routing.dispatch.Dispatcher;
import dev.panorama.routing.dispatch.EscalationTimer;
import dev.panorama.routing.dispatch.QueueMemory;
import dev.panorama.routing.matching.RoutingOrder;
import dev.panorama.routing.matching.Strategy;
import dev.panorama.routing.offers.OfferStatus;
import dev.panorama.routing.offers.OfferStore;
import dev.panorama.routing.outbox.RoutingEvents;
import dev.panorama.routing.queues.QueueSettings;
import dev.panorama.routing.queues.QueueStore;
import dev.panorama.routing.queues.UnknownQueue;
import dev.panorama.routing.skills.SkillCatalogue;
import dev.panorama.routing.store.Ids;
import dev.panorama.routing.store.RunAgain;
import dev.panorama.routing.store.Transactions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A task's life after routing found it an agent, and its creation: wrap-up, completion, cancellation, transfer.
 * Each is one transaction that locks the agents involved (id order) before the task and its offer, and writes the
 * task's events to the outbox with the change.
 */
@ApplicationScoped
public class TaskLifecycle {

    private final Transactions transactions;
    private final TaskStore tasks;
    private final OfferStore offers;
    private final AgentStore agents;
    private final QueueStore queues;
    private final SkillCatalogue skills;
    private final PresenceChanges presence;
    private final RoutingEvents events;
    private final DispatchTrigger dispatch;
    private final Dispatcher dispatcher;
    private final RoutingOrder order;
    private final Clock clock;
    private final EscalationTimer escalations;
    private final QueueMemory queueMemory;
    private final boolean roundAtCreation;

    public TaskLifecycle(Transactions transactions, TaskStore tasks, OfferStore offers, AgentStore agents,
            QueueStore queues, SkillCatalogue skills, PresenceChanges presence, RoutingEvents events,
            DispatchTrigger dispatch, Dispatcher dispatcher, RoutingConfig config, Clock clock, EscalationTimer escalations,
            QueueMemory queueMemory) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.offers = offers;
        this.agents = agents;
        this.queues = queues;
        this.skills = skills;
        this.presence = presence;
        this.events = events;
        this.dispatch = dispatch;
        this.dispatcher = dispatcher;
        this.order = config.order();
        this.clock = clock;
        this.escalations = escalations;
        this.queueMemory = queueMemory;
        this.roundAtCreation = config.roundAtCreation();
    }

    /**
     * What {@link #create} did: the task, whether it is new (false: one existed for the interaction), when its first
     * escalation step is due, and whether its round ran in the transaction that created it.
     */
    public record Created(TaskView task, boolean created, Instant firstStep, boolean routed) {

        Created(TaskView task) {
            this(task, false, null, false);
        }
    }

    /**
     * Queues a new task ({@code TaskCreated}) and, in a skill-based queue, offers it to the best agent with room in
     * the same transaction (unless {@code panorama.routing.round-at-creation} is off); idempotent on the interaction
     * id. A rotation's task gets its round after commit: the round moves the queue's cursor, whose row lock, held by
     * the creating transaction until commit, would make creations in the queue wait for each other. Fails with 422
     * problems for an unknown queue or skill, before anything is stored.
     */
    public Uni<Created> create(NewTask task) {
        return transactions.inTransaction(connection -> existingFor(connection, task)
                        .chain(existing -> existing.isPresent() ? Uni.createFrom().item(new Created(existing.get()))
                                : insert(connection, task)))
                .invoke(created -> {
                    if (created.created()) {
                        events.publishSoon();
                        if (created.routed()) {
                            dispatch.agentsHeldElsewhere();
                        } else {
                            dispatch.task(created.task().id());
                        }
                        if (created.firstStep() != null) {
                            escalations.at(created.firstStep());
                        }
                    }
                });
    }

    public Uni<TaskView> find(UUID taskId) {
        return transactions.read(connection -> tasks.find(connection, taskId))
                .map(found -> found.orElseThrow(() -> new UnknownTask(taskId)));
    }

    public Uni<List<TaskView>> page(TaskState state, String queueId, String agentId, UUID cursor, int limit) {
        return transactions.read(connection -> tasks.page(connection, state, queueId, agentId, cursor, limit));
    }

    public Uni<List<TaskView>> heldBy(String agentId) {
        return transactions.read(connection -> tasks.heldBy(connection, agentId));
    }

    /**
     * The agent is done with the customer and writes up (WRAP_UP, still holding the slot) until the queue's wrap-up
     * time ends or the task is completed; with no other task in hand the agent's presence is WRAP_UP meanwhile.
     */
    public Uni<TaskView> wrapUp(Caller caller, UUID taskId, String disposition) {
        return withFreedAgent(caller, taskId, (connection, task, lockedAgents) -> {
            requireState(task, "be wrapped up", TaskState.ASSIGNED);
            Instant now = clock.instant();
            return queue(connection, task.queueId()).chain(queue -> queue.wrapUpSeconds() == 0
                    ? completeHeld(connection, task, TaskOutcome.COMPLETED, TaskState.COMPLETED, disposition, now, lockedAgents)
                    : startWrapUp(connection, task, disposition, now.plus(queue.wrapUp()), now));
        });
    }

    public Uni<TaskView> complete(Caller caller, UUID taskId, String disposition) {
        return withFreedAgent(caller, taskId, (connection, task, lockedAgents) -> {
            requireState(task, "be completed", TaskState.ASSIGNED, TaskState.WRAP_UP);
            return completeHeld(connection, task, TaskOutcome.COMPLETED, TaskState.COMPLETED, disposition, clock.instant(), lockedAgents);
        });
    }

    /** The request is withdrawn (e.g. the customer hung up); whoever was offered or held it is free again. */
    public Uni<TaskView> cancel(Caller caller, UUID taskId, String reason) {
        return withFreedAgent(caller, taskId, (connection, task, lockedAgents) -> {
            requireNotEnded(task, "be cancelled");
            return completeHeld(connection, task, TaskOutcome.CANCELLED, TaskState.CANCELLED, reason, clock.instant(), lockedAgents);
        });
    }

    /**
     * Into another queue, where it waits afresh: that queue's steps and max wait count from now (its age, so its
     * serving order, is kept).
     */
    public Uni<TaskView> transferToQueue(Caller caller, UUID taskId, String queueId) {
        return withAgentAndTask(caller, taskId, (connection, task, lockedAgents) -> {
            requireNotEnded(task, "be transferred");
            Instant now = clock.instant();
            return queues.find(connection, queueId)
                    .map(found -> found.orElseThrow(() -> UnknownQueue.referred(queueId)))
                    .chain(queue -> release(connection, task, now)
                            .chain(() -> tasks.enterQueue(connection, task.id(), queue, now)))
                    .chain(() -> reloaded(connection, task.id()));
        });
    }

    /**
     * Offered straight to one agent, who must be available with room on the task's channel. The task starts afresh in
     * its queue first (steps and max wait from now), so that if the agent turns the offer down or lets it lapse, it
     * waits there as a task that just came in rather than one already past its steps or its max wait.
     */
    public Uni<TaskView> transferToAgent(Caller caller, UUID taskId, String agentId) {
        return withAgentAndTask(caller, taskId, agentId, (connection, task, lockedAgents) -> {
            requireNotEnded(task, "be transferred");
            if (agentId.equals(task.agentId())) {
                throw new TaskNotInState(task.id(), task.state(), "be transferred to the agent who has it");
            }
            Instant now = clock.instant();
            return requireRoom(connection, agentId, task)
                    .chain(() -> queue(connection, task.queueId()))
                    .call(queue -> release(connection, task, now))
                    .call(queue -> tasks.enterQueue(connection, task.id(), queue, now))
                    .chain(queue -> offerTo(connection, task, agentId, now, now.plus(queue.offerTimeout())))
                    .chain(() -> reloaded(connection, task.id()));
        });
    }

    // --- creation

    private Uni<Optional<TaskView>> existingFor(SqlConnection connection, NewTask task) {
        return task.interactionId() == null ? Uni.createFrom().item(Optional.empty())
                : tasks.byInteraction(connection, task.interactionId());
    }

    private Uni<Created> insert(SqlConnection connection, NewTask task) {
        Instant now = clock.instant();
        // sent together; an unknown skill is answered first, as its check goes first
        return Uni.combine().all().unis(skills.requireKnown(connection, task.skillNames()), queueMemory.current(connection))
                .with((known, queues) -> queues)
                .chain(queues -> queueOf(connection, queues, task.queueId())
                        .chain(queue -> insertInto(connection, task, queue, queues, now)));
    }

    /** The task's queue as the rounds' memory has it; one created since that memory's read is read on its own. */
    private Uni<QueueSettings> queueOf(SqlConnection connection, QueueMemory.Current queues, String queueId) {
        QueueSettings known = queues.settings().get(queueId);
        return known != null ? Uni.createFrom().item(known)
                : queue(connection, queueId).onFailure(UnknownQueue.class).transform(ignored -> UnknownQueue.referred(queueId));
    }

    private Uni<Created> insertInto(SqlConnection connection, NewTask task, QueueSettings queue, QueueMemory.Current queues,
            Instant now) {
        Instant firstStep = queue.firstStepDue(now);
        boolean routeNow = roundAtCreation && queue.strategy() == Strategy.BEST_SCORE && queues.policies().containsKey(queue.id());
        return tasks.insert(connection, task, order.key(now, task.priority()), firstStep, queue.maxWaitEnds(now), now)
                .chain(inserted -> inserted.isPresent() ? announceAndRoute(connection, inserted.get(), queues, routeNow, firstStep, now)
                        : tasks.byInteraction(connection, task.interactionId()).map(found -> new Created(found.orElseThrow())));
    }

    /** The new task's {@code TaskCreated} and, when {@code routeNow}, its round, sent together (the event's insert first). */
    private Uni<Created> announceAndRoute(SqlConnection connection, TaskStore.Inserted inserted, QueueMemory.Current queues,
            boolean routeNow, Instant firstStep, Instant now) {
        Uni<TaskView> routed = routeNow ? offered(connection, inserted, queues) : Uni.createFrom().item(inserted.view());
        return Uni.combine().all().unis(announce(connection, inserted.view(), now), routed)
                .with((announced, view) -> new Created(view, true, firstStep, routeNow));
    }

    /** The new task as its round in this transaction left it: offered to an agent, or still waiting. */
    private Uni<TaskView> offered(SqlConnection connection, TaskStore.Inserted inserted, QueueMemory.Current queues) {
        return dispatcher.forCreatedTask(connection, inserted.routable(), queues)
                .map(offers -> offers.made().isEmpty() ? inserted.view()
                        : inserted.view().offeredTo(offers.made().getFirst().agentId(), offers.at()));
    }

    private Uni<Void> announce(SqlConnection connection, TaskView task, Instant now) {
        TaskCreated created = new TaskCreated(task.id(), task.customerId(), task.interactionId(), task.channel(),
                task.queueId(), task.priority(), task.requiredSkills(), now);
        return events.add(connection, created, task.customerId(), now);
    }

    // --- the steps after routing

    private Uni<TaskView> startWrapUp(SqlConnection connection, TaskView task, String disposition, Instant until, Instant now) {
        return tasks.wrapUp(connection, task.id(), disposition, until, now)
                .chain(() -> tasks.countHeld(connection, task.agentId(), TaskState.ASSIGNED))
                .chain(stillHeld -> stillHeld > 0 ? Uni.createFrom().voidItem() : agentIntoWrapUp(connection, task.agentId(), until, now))
                .chain(() -> reloaded(connection, task.id()));
    }

    private Uni<Void> agentIntoWrapUp(SqlConnection connection, String agentId, Instant until, Instant now) {
        return agents.lock(connection, agentId)
                .chain(found -> found.filter(agent -> agent.presence() == AgentPresence.AVAILABLE)
                        .map(agent -> presence.change(connection, agent, AgentPresence.WRAP_UP, "wrap-up", until, now).replaceWithVoid())
                        .orElse(Uni.createFrom().voidItem()));
    }

    /**
     * Ends the task ({@code TaskCompleted} with the outcome); an agent in wrap-up with nothing else to wrap up is
     * available again. Used by the sweeper when wrap-up time is over.
     */
    public Uni<TaskView> complete(SqlConnection connection, TaskView task, TaskOutcome outcome, TaskState end,
            String disposition, Instant now) {
        return complete(connection, task, outcome, end, disposition, now, task.agentId() == null
                ? Uni.createFrom().item(Optional.<AgentStore.Locked>empty()) : agents.lock(connection, task.agentId()));
    }

    /** Like {@link #complete(SqlConnection, TaskView, TaskOutcome, TaskState, String, Instant)}, the agent locked already in this transaction. */
    private Uni<TaskView> completeHeld(SqlConnection connection, TaskView task, TaskOutcome outcome, TaskState end,
            String disposition, Instant now, Map<String, AgentStore.Locked> lockedAgents) {
        Optional<AgentStore.Locked> agent = task.agentId() == null ? Optional.empty() : Optional.ofNullable(lockedAgents.get(task.agentId()));
        return complete(connection, task, outcome, end, disposition, now, Uni.createFrom().item(agent));
    }

    /** @param agent the task's agent as read under its lock (a statement sent with the others, or known already) */
    private Uni<TaskView> complete(SqlConnection connection, TaskView task, TaskOutcome outcome, TaskState end,
            String disposition, Instant now, Uni<Optional<AgentStore.Locked>> agent) {
        long handled = task.assignedAt() == null ? 0 : Duration.between(task.assignedAt(), now).toMillis();
        TaskCompleted completed = new TaskCompleted(task.id(), task.agentId(), task.customerId(), outcome,
                disposition != null ? disposition : task.disposition(), handled, now);
        // sent together: the end with its open offer withdrawn (if any) and its event, one statement returning the
        // task as changed (the answer), and the agent's lock unless the caller holds it already
        return Uni.combine().all().unis(tasks.endWithdrawn(connection, task.id(), end, outcome, disposition,
                                new RoutingEvents.Pending(completed, task.customerId(), now), now),
                        agent)
                .asTuple()
                .chain(done -> done.getItem2().filter(locked -> locked.presence() == AgentPresence.WRAP_UP).isEmpty()
                        ? Uni.createFrom().item(done.getItem1().orElseThrow(() -> new UnknownTask(task.id())))
                        : leaveWrapUpIfDone(connection, done.getItem2().get(), now).chain(() -> reloaded(connection, task.id())));
    }

    private Uni<Void> leaveWrapUpIfDone(SqlConnection connection, String agentId, Instant now) {
        return agents.lock(connection, agentId).chain(found -> found
                .map(agent -> leaveWrapUpIfDone(connection, agent, now))
                .orElse(Uni.createFrom().voidItem()));
    }

    /** An agent in wrap-up with nothing else to wrap up is available again. */
    private Uni<Void> leaveWrapUpIfDone(SqlConnection connection, AgentStore.Locked agent, Instant now) {
        if (agent.presence() != AgentPresence.WRAP_UP) {
            return Uni.createFrom().voidItem();
        }
        return tasks.countHeld(connection, agent.id(), TaskState.WRAP_UP).chain(left -> left > 0
                ? Uni.createFrom().voidItem()
                : presence.change(connection, agent, AgentPresence.AVAILABLE, "wrap-up-over", null, now).replaceWithVoid());
    }

    /**
     * The agent who had the task no longer has it: its open offer is withdrawn, and the task, passed on from the agent,
     * is not offered to it again for the turn-down cool-down.
     */
    private Uni<Void> release(SqlConnection connection, TaskView task, Instant now) {
        return withdrawOpenOffer(connection, task, now)
                .chain(() -> task.agentId() == null ? Uni.createFrom().voidItem() : leaveWrapUpIfDoneAfterRelease(connection, task, now));
    }

    private Uni<Void> leaveWrapUpIfDoneAfterRelease(SqlConnection connection, TaskView task, Instant now) {
        // the task leaves the agent first, so the count of what the agent still wraps up no longer includes it
        return tasks.passOn(connection, task.id(), now)
                .chain(() -> leaveWrapUpIfDone(connection, task.agentId(), now));
    }

    private Uni<Void> withdrawOpenOffer(SqlConnection connection, TaskView task, Instant now) {
        return offers.openForTask(connection, task.id()).chain(open -> open
                .map(offer -> offers.close(connection, offer.offerId(), OfferStatus.WITHDRAWN, now))
                .orElse(Uni.createFrom().voidItem()));
    }

    private Uni<Void> requireRoom(SqlConnection connection, String agentId, TaskView task) {
        return agents.lock(connection, agentId)
                .map(found -> found.orElseThrow(() -> new AgentUnavailable(agentId, "no such agent")))
                .invoke(agent -> {
                    if (agent.presence() != AgentPresence.AVAILABLE) {
                        throw new AgentUnavailable(agentId, "presence is " + agent.presence());
                    }
                })
                .chain(agent -> AgentStore.perChannel(connection, AgentStore.LOAD, new String[] { agentId })
                        .map(load -> load.getOrDefault(agentId, java.util.Map.of()).getOrDefault(task.channel(), 0)))
                .chain(load -> connection.preparedQuery("select capacity from agent_capacity where agent_id = $1 and channel = $2")
                        .execute(Tuple.of(agentId, task.channel().name()))
                        .map(rows -> rows.rowCount() == 0 ? 0 : rows.iterator().next().getInteger("capacity"))
                        .invoke(capacity -> {
                            if (load >= capacity) {
                                throw new AgentUnavailable(agentId, "no room left on " + task.channel());
                            }
                        }))
                .replaceWithVoid();
    }

    private Uni<Void> offerTo(SqlConnection connection, TaskView task, String agentId, Instant now, Instant expires) {
        UUID offerId = Ids.next(now);
        return offers.insert(connection, List.of(new OfferStore.NewOffer(offerId, task.id(), agentId, now, expires)))
                .chain(() -> tasks.markOffered(connection, List.of(java.util.Map.entry(task.id(), agentId)), now))
                .chain(() -> events.add(connection, new TaskOffered(task.id(), offerId, agentId, task.customerId(), now, expires),
                        task.customerId(), now));
    }

    // --- locking and checks

    private interface TaskStep {
        /** @param lockedAgents the agents locked before the task, by id, as read under their locks */
        Uni<TaskView> apply(SqlConnection connection, TaskView lockedTask, Map<String, AgentStore.Locked> lockedAgents);
    }

    private Uni<TaskView> withAgentAndTask(Caller caller, UUID taskId, TaskStep step) {
        return withAgentAndTask(caller, taskId, null, false, step);
    }

    private Uni<TaskView> withAgentAndTask(Caller caller, UUID taskId, String otherAgent, TaskStep step) {
        return withAgentAndTask(caller, taskId, otherAgent, false, step);
    }

    /**
     * For a step that may free the agent's slot (the task ends): the agent, still locked, is offered what it has room
     * for in the same transaction, so its next offers commit with the slot freeing (a transfer leaves it to a round
     * after commit, which does not offer it the task it passed on: see {@link TaskStore#passOn}).
     */
    private Uni<TaskView> withFreedAgent(Caller caller, UUID taskId, TaskStep step) {
        return withAgentAndTask(caller, taskId, null, true, step);
    }

    /** The task after the step, and whether its agent may still have room while tasks wait (no own pass, or it ran out of pages). */
    private record Stepped(TaskView task, boolean roomLeft) {
    }

    /**
     * Locks the task's current agent and {@code otherAgent} in id order, then the task; checks that the task still
     * has the agent it had when its agent was found (else runs again), that the caller may act on it, and applies
     * the step. Without another agent, the statement that finds the task's agent locks it, sent with the task's lock.
     */
    private Uni<TaskView> withAgentAndTask(Caller caller, UUID taskId, String otherAgent, boolean ownPass, TaskStep step) {
        java.util.concurrent.atomic.AtomicReference<String> agentBefore = new java.util.concurrent.atomic.AtomicReference<>();
        return transactions.inTransaction(connection -> lockAgentsAndTask(connection, taskId, otherAgent)
                        .invoke(locked -> agentBefore.set(locked.task().agentId()))
                        .invoke(locked -> mayAct(caller, locked.task()))
                        .chain(locked -> step.apply(connection, locked.task(), locked.agents())
                                .chain(after -> ownPass && agentBefore.get() != null && locked.agents().containsKey(agentBefore.get())
                                        ? dispatcher.forOwnAgent(connection, agentBefore.get()).map(room -> new Stepped(after, room))
                                        : Uni.createFrom().item(new Stepped(after, true)))))
                .map(stepped -> {
                    TaskView after = stepped.task();
                    events.publishSoon();
                    // whoever had the task may have a free slot now (unless its own pass filled it); the task itself
                    // may wait again
                    if (stepped.roomLeft()) {
                        dispatch.agent(agentBefore.get());
                    }
                    if (after.agentId() != null && !after.agentId().equals(agentBefore.get())) {
                        dispatch.agent(after.agentId());
                    }
                    if (after.state() == TaskState.QUEUED) {
                        dispatch.task(after.id());
                    }
                    return after;
                });
    }

    /** The task and the agents locked before it, by id, as read under their locks. */
    private record LockedTask(TaskView task, Map<String, AgentStore.Locked> agents) {
    }

    private Uni<LockedTask> lockAgentsAndTask(SqlConnection connection, UUID taskId, String otherAgent) {
        if (otherAgent == null) {
            // the agent's lock, then the task's, sent together
            return Uni.combine().all().unis(agents.lockTaskAgent(connection, taskId), tasks.lock(connection, taskId)).asTuple()
                    .map(locked -> {
                        TaskView task = locked.getItem2().orElseThrow(() -> new UnknownTask(taskId));
                        requireSameAgent(locked.getItem1().map(AgentStore.Locked::id).orElse(null), task);
                        return new LockedTask(task, locked.getItem1().map(agent -> Map.of(agent.id(), agent)).orElse(Map.of()));
                    });
        }
        return tasks.holder(connection, taskId)
                .map(found -> found.orElseThrow(() -> new UnknownTask(taskId)))
                // the agents' locks, then the task's, sent together
                .chain(seen -> Uni.combine().all().unis(lockAgents(connection, seen.agentId(), otherAgent),
                                tasks.lock(connection, taskId)).asTuple()
                        .map(locked -> {
                            TaskView task = locked.getItem2().orElseThrow(() -> new UnknownTask(taskId));
                            requireSameAgent(seen.agentId(), task);
                            return new LockedTask(task, locked.getItem1());
                        }));
    }

    /** Locks the agents in id order (their statements sent together); an unknown {@code other} agent is refused. */
    private Uni<Map<String, AgentStore.Locked>> lockAgents(SqlConnection connection, String current, String other) {
        List<String> ids = Stream.of(current, other).filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Optional<AgentStore.Locked>>> locks = ids.stream().map(id -> agents.lock(connection, id)).toList();
        return Uni.join().all(locks).andFailFast().map(found -> {
            Map<String, AgentStore.Locked> locked = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) {
                if (found.get(i).isEmpty() && ids.get(i).equals(other)) {
                    throw new AgentUnavailable(ids.get(i), "no such agent");
                }
                found.get(i).ifPresent(agent -> locked.put(agent.id(), agent));
            }
            return locked;
        });
    }

    private static void requireSameAgent(String seen, TaskView locked) {
        if (!java.util.Objects.equals(seen, locked.agentId())) {
            throw new RunAgain("the task's agent changed while it was being locked");
        }
    }

    private static void mayAct(Caller caller, TaskView task) {
        if (!caller.supervisor() && (task.agentId() == null || !task.agentId().equals(caller.name())
                || task.state() == TaskState.OFFERED)) {
            throw new io.quarkus.security.ForbiddenException("not the caller's task");
        }
    }

    private static void requireState(TaskView task, String step, TaskState... allowed) {
        if (!List.of(allowed).contains(task.state())) {
            throw new TaskNotInState(task.id(), task.state(), step);
        }
    }

    private static void requireNotEnded(TaskView task, String step) {
        if (task.state().ended()) {
            throw new TaskNotInState(task.id(), task.state(), step);
        }
    }

    private Uni<QueueSettings> queue(SqlConnection connection, String queueId) {
        return queues.find(connection, queueId).map(found -> found.orElseThrow(() -> UnknownQueue.asked(queueId)));
    }

    private Uni<TaskView> reloaded(SqlConnection connection, UUID taskId) {
        return tasks.find(connection, taskId).map(found -> found.orElseThrow(() -> new UnknownTask(taskId)));
    }


}
