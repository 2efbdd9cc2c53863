package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.SkillRequirement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Agents by what admits them to a task (skills and capacity; presence and load not looked at), as sets of agents per
 * channel with a slot and per skill held at each proficiency: whom a task's queue admits is a few intersections of
 * those, not a look at every agent. Built once per read of who is available, asked once per round for new tasks.
 */
public final class AgentRoster {

    private final List<Agent> agents;
    private final Map<String, Integer> indexOf = new HashMap<>();
    private final Map<Channel, BitSet> withSlotOn = new EnumMap<>(Channel.class);
    /** Per skill, at index {@code p - 1}: the agents holding it at proficiency {@code p} or more. */
    private final Map<String, List<BitSet>> holdingAtLeast = new HashMap<>();

    private AgentRoster(Collection<Agent> agents) {
        // in id order, so that the agents a set holds come out in id order, as rounds read and lock them
        this.agents = agents.stream().sorted(Comparator.comparing(Agent::id)).toList();
        for (int i = 0; i < this.agents.size(); i++) {
            Agent agent = this.agents.get(i);
            indexOf.put(agent.id(), i);
            int index = i;
            agent.capacity().forEach((channel, slots) -> {
                if (slots > 0) {
                    withSlotOn.computeIfAbsent(channel, none -> new BitSet()).set(index);
                }
            });
            agent.skills().forEach((skill, proficiency) -> {
                List<BitSet> levels = holdingAtLeast.computeIfAbsent(skill, none -> new ArrayList<>());
                for (int level = 1; level <= proficiency; level++) {
                    if (levels.size() < level) {
                        levels.add(new BitSet());
                    }
                    levels.get(level - 1).set(index);
                }
            });
        }
    }

    public static AgentRoster of(Collection<Agent> agents) {
        return new AgentRoster(agents);
    }

    public boolean contains(String agentId) {
        return indexOf.containsKey(agentId);
    }

    /** Whether the roster holds this very agent (the same instance: the same profile as read, not an id only). */
    public boolean holds(Agent agent) {
        Integer index = indexOf.get(agent.id());
        return index != null && agents.get(index) == agent;
    }

    /**
     * The ids of the agents the rule of a task's queue admits for at least one of the tasks at its current step: the
     * only agents a round for these tasks can choose, so the only ones whose load it needs to read. A rotation admits
     * everyone with a slot on the channel; skill-based scoring whoever meets the task's requirements there. Tasks of an
     * unknown queue admit nobody. In id order.
     */
    public List<String> admittedForAny(Collection<Task> tasks, Map<String, QueuePolicy> queues) {
        return admittedForAny(tasks, queues, Map.of());
    }

    /**
     * As above, but a task escalated from a lower step (its id mapped to that step's level) admits only the agents its
     * current step admits and that lower step did not: those the lower step admitted could take it no more than before
     * (none with room took it then, and steps only add agents), so they need not be read again. A rotation admits
     * nobody more at any step.
     */
    public List<String> admittedForAny(Collection<Task> tasks, Map<String, QueuePolicy> queues,
            Map<UUID, Integer> escalatedFrom) {
        BitSet admitted = new BitSet();
        for (Task task : tasks) {
            QueuePolicy queue = queues.get(task.queueId());
            if (queue != null) {
                admitted.or(admittedSince(task, queue, escalatedFrom.get(task.id())));
            }
        }
        List<String> ids = new ArrayList<>(admitted.cardinality());
        admitted.stream().forEach(index -> ids.add(agents.get(index).id()));
        return ids;
    }

    private BitSet admittedSince(Task task, QueuePolicy queue, Integer fromLevel) {
        BitSet admitted = admitting(task, queue);
        if (fromLevel != null && fromLevel < task.escalationLevel()) {
            admitted.andNot(admitting(task.atLevel(fromLevel), queue));
        }
        return admitted;
    }

    private BitSet admitting(Task task, QueuePolicy queue) {
        BitSet admitted = copy(withSlotOn.get(task.channel()));
        if (queue.strategy() == Strategy.ROUND_ROBIN) {
            return admitted;
        }
        Requirements requirements = Requirements.of(task, queue);
        for (SkillRequirement need : requirements.allOf()) {
            admitted.and(holding(need));
        }
        if (!requirements.anyOf().isEmpty()) {
            BitSet anyOne = new BitSet();
            requirements.anyOf().forEach(need -> anyOne.or(holding(need)));
            admitted.and(anyOne);
        }
        if (!requirements.preferredOnly().isEmpty()) {
            BitSet preferred = new BitSet();
            requirements.preferredOnly().forEach(id -> {
                Integer index = indexOf.get(id);
                if (index != null) {
                    preferred.set(index);
                }
            });
            admitted.and(preferred);
        }
        return admitted;
    }

    /** The agents meeting one requirement (proficiency 1 at least, as {@link Requirements} counts it). */
    private BitSet holding(SkillRequirement need) {
        List<BitSet> levels = holdingAtLeast.getOrDefault(need.skill(), List.of());
        int level = Math.max(1, need.minProficiency());
        return level <= levels.size() ? levels.get(level - 1) : new BitSet();
    }

    private static BitSet copy(BitSet set) {
        return set == null ? new BitSet() : (BitSet) set.clone();
    }
}
