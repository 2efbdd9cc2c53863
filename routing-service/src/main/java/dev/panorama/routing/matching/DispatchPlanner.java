package dev.panorama.routing.matching;

import dev.panorama.events.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One dispatch round: the waiting tasks in serving order each get the best agent still free for them, and every
 * offer counts against the agent's capacity for the tasks after it. Pure: the caller has locked the tasks and the
 * agents and counted their load, and stores the plan.
 */
public record DispatchPlanner(Matcher matcher, RoutingOrder order) {

    /** One planned offer. */
    public record PlannedOffer(UUID taskId, String agentId, String queueId) {
    }

    /** A round's offers, and the agents as they are once those offers count against them. */
    public record Round(List<PlannedOffer> offers, List<Agent> agentsAfter) {
    }

    /**
     * @param roundRobinCursors per queue, the agent its rotation served last; updated in place for the next round
     */
    public List<PlannedOffer> plan(Collection<Task> tasks, Map<String, QueuePolicy> queues, Collection<Agent> agents,
            Instant now, Map<String, String> roundRobinCursors) {
        return round(tasks, queues, agents, now, roundRobinCursors).offers();
    }

    /** Like {@link #plan}, also answering the agents' load after the round. */
    public Round round(Collection<Task> tasks, Map<String, QueuePolicy> queues, Collection<Agent> agents,
            Instant now, Map<String, String> roundRobinCursors) {
        Map<String, Agent> current = new LinkedHashMap<>();
        agents.forEach(agent -> current.put(agent.id(), agent));
        List<PlannedOffer> offers = new ArrayList<>();
        for (Task task : tasks.stream().sorted(order.comparator()).toList()) {
            QueuePolicy queue = queues.get(task.queueId());
            if (queue == null) {
                continue;
            }
            matcher.choose(task, queue, current.values(), now, roundRobinCursors.get(queue.id())).ifPresent(agent -> {
                current.put(agent.id(), agent.withOneMore(task.channel(), now));
                if (queue.strategy() == Strategy.ROUND_ROBIN) {
                    // only a rotation has a cursor: a moved one is written, locking the queue's row until commit
                    roundRobinCursors.put(queue.id(), agent.id());
                }
                offers.add(new PlannedOffer(task.id(), agent.id(), queue.id()));
            });
        }
        return new Round(offers, List.copyOf(current.values()));
    }

    /** The channels on which at least one of the agents may still take a task. */
    public static Set<Channel> channelsWithRoom(Collection<Agent> agents) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Agent agent : agents) {
            if (agent.routable()) {
                agent.capacity().keySet().stream().filter(agent::hasRoomOn).forEach(channels::add);
            }
        }
        return channels;
    }

    /**
     * How many waiting tasks to take from the head of each channel on which the agents have room: a few per free
     * slot (not every waiting task fits every agent), at least {@code least}, at most {@code most}; so that one
     * round usually fills the agents, and a round for a few agents reads a short head.
     */
    public static Map<Channel, Integer> headSizes(Collection<Agent> agents, int perSlot, int least, int most) {
        Map<Channel, Integer> free = new EnumMap<>(Channel.class);
        for (Agent agent : agents) {
            if (agent.routable()) {
                agent.capacity().forEach((channel, capacity) -> {
                    int room = capacity - agent.loadOn(channel);
                    if (room > 0) {
                        free.merge(channel, room, Integer::sum);
                    }
                });
            }
        }
        Map<Channel, Integer> sizes = new EnumMap<>(Channel.class);
        free.forEach((channel, slots) -> sizes.put(channel, Math.max(least, Math.min(most, slots * perSlot))));
        return sizes;
    }

    /**
     * Waiting tasks read per free slot on the given page of an agent-driven pass: doubling from page to page (up to
     * 256 times the first), so agents the head of the queue has nothing for reach the tasks they fit in a few pages,
     * not one short page per round trip to the database.
     */
    public static int perSlotOnPage(int firstPage, int page) {
        return firstPage << Math.min(page, 8);
    }

    /**
     * Where an agent-driven pass goes on after a round: the channels on which an agent still has room and whose
     * head of the queue was full (more tasks may wait behind it). A channel whose head came back shorter was read to
     * its end; a channel where nobody has room is done.
     *
     * @param taken  per channel, how many waiting tasks the round took
     * @param asked  per channel, how many it asked for
     */
    public static Set<Channel> channelsToGoOn(Collection<Agent> agentsAfter, Map<Channel, Integer> taken,
            Map<Channel, Integer> asked) {
        Set<Channel> goOn = EnumSet.noneOf(Channel.class);
        for (Channel channel : channelsWithRoom(agentsAfter)) {
            if (asked.containsKey(channel) && taken.getOrDefault(channel, 0) >= asked.get(channel)) {
                goOn.add(channel);
            }
        }
        return goOn;
    }

    public static Map<String, String> noCursors() {
        return new HashMap<>();
    }
}
