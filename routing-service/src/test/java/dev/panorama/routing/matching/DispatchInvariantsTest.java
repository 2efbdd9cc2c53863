package dev.panorama.routing.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.SkillRequirement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of a dispatch round, whatever the agents, tasks and queues. */
class DispatchInvariantsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> SKILLS = List.of("en", "de", "billing", "sales", "tech");
    private static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.CHAT, Channel.EMAIL);
    private static final DispatchPlanner PLANNER = new DispatchPlanner(Matcher.DEFAULT, RoutingOrder.DEFAULT);

    @Property(tries = 300)
    void noAgentIsEverPlannedBeyondCapacityOrWhileUnavailable(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        var offers = PLANNER.plan(tasks, queues, agents, NOW, DispatchPlanner.noCursors());
        Map<String, Agent> byId = index(agents, Agent::id);
        Map<UUID, Task> tasksById = index(tasks, Task::id);
        Map<String, Map<Channel, Long>> added = offers.stream().collect(Collectors.groupingBy(
                DispatchPlanner.PlannedOffer::agentId,
                Collectors.groupingBy(offer -> tasksById.get(offer.taskId()).channel(), Collectors.counting())));
        added.forEach((agentId, perChannel) -> {
            Agent agent = byId.get(agentId);
            assertThat(agent.presence()).isEqualTo(AgentPresence.AVAILABLE);
            perChannel.forEach((channel, count) ->
                    assertThat(agent.loadOn(channel) + count).isLessThanOrEqualTo(agent.capacityOn(channel)));
        });
    }

    @Property(tries = 300)
    void eachTaskIsOfferedAtMostOnceAndOnlyToAnAgentMeetingItsCurrentStep(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        var offers = PLANNER.plan(tasks, queues, agents, NOW, DispatchPlanner.noCursors());
        assertThat(offers).extracting(DispatchPlanner.PlannedOffer::taskId).doesNotHaveDuplicates();
        Map<String, Agent> byId = index(agents, Agent::id);
        Map<UUID, Task> tasksById = index(tasks, Task::id);
        for (var offer : offers) {
            Task task = tasksById.get(offer.taskId());
            QueuePolicy queue = queues.get(task.queueId());
            Agent agent = byId.get(offer.agentId());
            assertThat(task.excludedAgents()).doesNotContain(agent.id());
            if (queue.strategy() == Strategy.BEST_SCORE) {
                assertThat(Requirements.of(task, queue).metBy(agent)).as("agent meets the task's current step").isTrue();
            }
        }
    }

    /** A round for tasks reads only the agents admitted for one of them: planning on those alone changes nothing. */
    @Property(tries = 300)
    void planningOnlyOnTheAgentsAdmittedForSomeTaskGivesTheSameRound(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        Set<String> admitted = Set.copyOf(AgentRoster.of(agents).admittedForAny(tasks, queues));
        List<Agent> readOnly = agents.stream().filter(agent -> admitted.contains(agent.id())).toList();

        assertThat(PLANNER.plan(tasks, queues, readOnly, NOW, DispatchPlanner.noCursors()))
                .isEqualTo(PLANNER.plan(tasks, queues, agents, NOW, DispatchPlanner.noCursors()));
    }

    /**
     * The roster's index finds exactly the agents a look at every agent finds (a slot on the channel and, unless
     * rotated, the step met), in id order.
     */
    @Property(tries = 300)
    void theRosterAdmitsWhomALookAtEveryAgentAdmits(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        SortedSet<String> everyAgentLookedAt = new TreeSet<>();
        for (Task task : tasks) {
            QueuePolicy queue = queues.get(task.queueId());
            agents.stream().filter(agent -> queue != null && agent.capacityOn(task.channel()) > 0
                            && (queue.strategy() == Strategy.ROUND_ROBIN || Requirements.of(task, queue).metBy(agent)))
                    .forEach(agent -> everyAgentLookedAt.add(agent.id()));
        }

        assertThat(AgentRoster.of(agents).admittedForAny(tasks, queues)).containsExactlyElementsOf(everyAgentLookedAt);
    }

    /**
     * Tasks are served in order: a task left without an offer had no agent free for it at its turn, and a task
     * served later never took an agent an earlier, unserved task could have had.
     */
    @Property(tries = 300)
    void anUnservedTaskHadNoFreeAgentAtItsTurn(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        var offers = PLANNER.plan(tasks, queues, agents, NOW, DispatchPlanner.noCursors());
        Map<UUID, String> offered = offers.stream().collect(Collectors.toMap(DispatchPlanner.PlannedOffer::taskId,
                DispatchPlanner.PlannedOffer::agentId));
        Map<String, Agent> state = new HashMap<>(index(agents, Agent::id));
        for (Task task : tasks.stream().sorted(RoutingOrder.DEFAULT.comparator()).toList()) {
            QueuePolicy queue = queues.get(task.queueId());
            boolean someoneFree = state.values().stream().anyMatch(agent -> Matcher.mayTake(agent, task)
                    && (queue.strategy() == Strategy.ROUND_ROBIN || Requirements.of(task, queue).metBy(agent)));
            assertThat(offered.containsKey(task.id())).as("served exactly when someone was free").isEqualTo(someoneFree);
            Optional.ofNullable(offered.get(task.id()))
                    .ifPresent(agentId -> state.put(agentId, state.get(agentId).withOneMore(task.channel(), NOW)));
        }
    }

    /**
     * Why a round for a freed agent alone is enough: after a round over everyone, freeing one slot of one agent and
     * planning the tasks still waiting for that agent alone gives exactly the offers a round over every agent gives.
     */
    @Property(tries = 300)
    void aRoundForTheFreedAgentAloneEqualsARoundForEveryone(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues,
            @ForAll("indexes") int pick) {
        Map<String, String> cursors = DispatchPlanner.noCursors();
        DispatchPlanner.Round first = PLANNER.round(tasks, queues, agents, NOW, cursors);
        Set<UUID> served = first.offers().stream().map(DispatchPlanner.PlannedOffer::taskId).collect(Collectors.toSet());
        List<Task> waiting = tasks.stream().filter(task -> !served.contains(task.id())).toList();
        List<Agent> loaded = first.agentsAfter().stream()
                .filter(agent -> agent.load().values().stream().anyMatch(n -> n > 0)).toList();
        if (loaded.isEmpty()) {
            return;
        }
        Agent freed = oneSlotLess(loaded.get(pick % loaded.size()));
        List<Agent> everyone = first.agentsAfter().stream().map(agent -> agent.id().equals(freed.id()) ? freed : agent).toList();

        var forEveryone = PLANNER.plan(waiting, queues, everyone, NOW, new HashMap<>(cursors));
        var forTheFreed = PLANNER.plan(waiting, queues, List.of(freed), NOW, new HashMap<>(cursors));

        assertThat(forTheFreed).isEqualTo(forEveryone);
    }

    /**
     * Why a round for escalated tasks reads only the agents their new step admits: after a round, the tasks it left
     * waiting, each one step further, are planned on those agents exactly as on every agent (none the lower step
     * admitted had room for them at their turn, and a round only adds load).
     */
    @Property(tries = 300)
    void escalatedTasksArePlannedOnTheNewlyAdmittedAgentsAsOnEveryAgent(@ForAll("agents") List<Agent> agents,
            @ForAll("tasks") List<Task> tasks, @ForAll("queues") Map<String, QueuePolicy> queues) {
        Map<String, String> cursors = DispatchPlanner.noCursors();
        DispatchPlanner.Round first = PLANNER.round(tasks, queues, agents, NOW, cursors);
        Set<UUID> served = first.offers().stream().map(DispatchPlanner.PlannedOffer::taskId).collect(Collectors.toSet());
        Map<UUID, Integer> escalatedFrom = new HashMap<>();
        List<Task> escalated = new ArrayList<>();
        for (Task task : tasks) {
            if (!served.contains(task.id()) && task.escalationLevel() < queues.get(task.queueId()).steps().size()) {
                escalatedFrom.put(task.id(), task.escalationLevel());
                escalated.add(task.atLevel(task.escalationLevel() + 1));
            }
        }
        Set<String> newlyAdmitted = Set.copyOf(AgentRoster.of(agents).admittedForAny(escalated, queues, escalatedFrom));
        List<Agent> readOnly = first.agentsAfter().stream().filter(agent -> newlyAdmitted.contains(agent.id())).toList();

        assertThat(PLANNER.plan(escalated, queues, readOnly, NOW, new HashMap<>(cursors)))
                .isEqualTo(PLANNER.plan(escalated, queues, first.agentsAfter(), NOW, new HashMap<>(cursors)));
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 1000);
    }

    private static Agent oneSlotLess(Agent agent) {
        Map<Channel, Integer> load = new HashMap<>(agent.load());
        Channel channel = load.entrySet().stream().filter(entry -> entry.getValue() > 0).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        load.merge(channel, -1, Integer::sum);
        return new Agent(agent.id(), agent.presence(), agent.skills(), agent.capacity(), load, agent.idleSince());
    }

    @Provide
    Arbitrary<List<Agent>> agents() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 5))
                .ofMaxSize(4);
        Arbitrary<Map<Channel, Integer>> capacity = Arbitraries.maps(Arbitraries.of(CHANNELS), Arbitraries.integers().between(0, 3))
                .ofMaxSize(3);
        Arbitrary<Map<Channel, Integer>> load = Arbitraries.maps(Arbitraries.of(CHANNELS), Arbitraries.integers().between(0, 2))
                .ofMaxSize(3);
        Arbitrary<Agent> agent = Combinators.combine(Arbitraries.of(AgentPresence.class), skills, capacity, load,
                        Arbitraries.integers().between(0, 1200))
                .as((presence, held, cap, used, idle) -> new Agent("", presence, held, cap, used, NOW.minusSeconds(idle)));
        return agent.list().ofMaxSize(25).map(DispatchInvariantsTest::numbered);
    }

    @Provide
    Arbitrary<List<Task>> tasks() {
        Arbitrary<List<SkillRequirement>> needs = Combinators.combine(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 5))
                .as(SkillRequirement::new).list().ofMaxSize(2).uniqueElements(SkillRequirement::skill);
        Arbitrary<List<String>> preferred = Arbitraries.integers().between(0, 24).map(n -> "agent-" + n).list().ofMaxSize(2);
        Arbitrary<Set<String>> excluded = Arbitraries.integers().between(0, 24).map(n -> "agent-" + n).set().ofMaxSize(2);
        Arbitrary<Task> where = Combinators.combine(Arbitraries.of(CHANNELS), Arbitraries.of("q0", "q1"),
                        Arbitraries.integers().between(0, 100))
                .as((channel, queue, priority) -> new Task(UUID.randomUUID(), channel, queue, priority, List.of(),
                        List.of(), List.of(), NOW, NOW, 0, Set.of()));
        Arbitrary<Task> who = Combinators.combine(where, needs, needs.map(list -> list.size() > 1 ? list : List.<SkillRequirement>of()), preferred)
                .as((t, allOf, anyOf, known) -> new Task(t.id(), t.channel(), t.queueId(), t.priority(), allOf, anyOf,
                        known, NOW, NOW, 0, Set.of()));
        Arbitrary<Task> task = Combinators.combine(who, Arbitraries.integers().between(0, 600),
                        Arbitraries.integers().between(0, 4), excluded)
                .as((t, age, level, turnedDown) -> new Task(t.id(), t.channel(), t.queueId(), t.priority(), t.allOf(),
                        t.anyOf(), t.preferredAgents(), NOW.minusSeconds(age), NOW.minusSeconds(age), level, turnedDown));
        return task.list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<Map<String, QueuePolicy>> queues() {
        Arbitrary<List<EscalationStep>> steps = Combinators.combine(Arbitraries.integers().between(0, 300),
                        Arbitraries.of(EscalationAction.class), Arbitraries.integers().between(1, 3))
                .as((after, action, amount) -> new EscalationStep(Duration.ofSeconds(after), action, amount))
                .list().ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(Strategy.class), steps, Arbitraries.of(Strategy.class), steps)
                .as((s0, steps0, s1, steps1) -> Map.of(
                        "q0", new QueuePolicy("q0", s0, steps0, Duration.ofSeconds(20), Optional.of("q1")),
                        "q1", new QueuePolicy("q1", s1, steps1, Duration.ofSeconds(20), Optional.empty())));
    }

    private static List<Agent> numbered(List<Agent> agents) {
        List<Agent> named = new ArrayList<>();
        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            named.add(new Agent("agent-" + i, a.presence(), a.skills(), a.capacity(), a.load(), a.idleSince()));
        }
        return named;
    }

    private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
        Map<K, V> map = new HashMap<>();
        values.forEach(value -> map.put(key.apply(value), value));
        return map;
    }
}
