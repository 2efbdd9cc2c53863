package dev.panorama.bench.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The delay from a task becoming routable to the agent that got it to its offer, replayed from the stored offers.
 * Every agent's slots on every channel are replayed: an offer takes a slot from its time until it closed (or,
 * accepted, until its task ended). An offer's task became routable to its agent at the latest of:
 * <ul>
 * <li>the task waiting: created, or its previous offer closed;
 * <li>the task's requirements admitting the agent: at once, or when the queue's escalation step that admits the
 * agent became due (its nominal time, so a late escalation counts as delay rather than being hidden);
 * <li>the agent coming online;
 * <li>the agent last having a free slot on the channel (the slot freed that made room).
 * </ul>
 * Offers are measured from there: dispatch delay, with nothing subtracted that the service could have done sooner.
 */
final class RoutableReplay {

    /**
     * One stored offer.
     *
     * @param releasedAt   when its slot freed ({@link Instant#MAX}: not yet)
     * @param taskReady    when its task last started waiting (created, or its previous offer closed)
     * @param eligibleFrom when the task's requirements first admitted this agent
     */
    record Offer(String agent, String channel, Instant offeredAt, Instant releasedAt, Instant taskReady, Instant eligibleFrom) {
    }

    private RoutableReplay() {
    }

    /**
     * The delays in milliseconds, sorted.
     *
     * @param capacity    slots per channel (every agent the same)
     * @param agentOnline when each agent came online
     */
    static double[] delaysMillis(List<Offer> offers, Map<String, Integer> capacity, Function<String, Instant> agentOnline) {
        return delays(offers, capacity, agentOnline).stream().mapToDouble(Delay::millis).sorted().toArray();
    }

    /** What made an offer's task routable to its agent last: the moment its delay is measured from. */
    enum Cause { TASK_WAITING, ESCALATION_STEP, AGENT_ONLINE, SLOT_FREED }

    /** One offer's delay, what it is measured from, and when the offer was made. */
    record Delay(double millis, Cause cause, Instant offeredAt) {
    }

    static List<Delay> delays(List<Offer> offers, Map<String, Integer> capacity, Function<String, Instant> agentOnline) {
        return delays(offers, List.of(), capacity, agentOnline);
    }

    /**
     * The delays of {@code offers}, with {@code occupying} (offers of other tasks, not measured) taking their agents'
     * slots as well: a slot they held freed when they ended.
     */
    static List<Delay> delays(List<Offer> offers, List<Offer> occupying, Map<String, Integer> capacity,
            Function<String, Instant> agentOnline) {
        Set<Offer> notMeasured = Collections.newSetFromMap(new IdentityHashMap<>());
        notMeasured.addAll(occupying);
        Map<String, List<Offer>> byAgentChannel = new java.util.HashMap<>();
        Stream.concat(offers.stream(), occupying.stream())
                .forEach(offer -> byAgentChannel.computeIfAbsent(offer.agent() + "/" + offer.channel(), k -> new ArrayList<>()).add(offer));
        List<Delay> delays = new ArrayList<>();
        byAgentChannel.values().forEach(agentOffers -> replay(agentOffers, notMeasured, capacity.get(agentOffers.getFirst().channel()),
                agentOnline.apply(agentOffers.getFirst().agent()), delays));
        return delays;
    }

    /**
     * Where the late offers are, to see what to speed up: the offers later than {@code lateMillis}, by what they were
     * measured from and by the second (since {@code start}) they were made in.
     */
    static String lateOnes(List<Delay> delays, double lateMillis, Instant start) {
        Map<Cause, Integer> byCause = new java.util.EnumMap<>(Cause.class);
        Map<Long, Integer> bySecond = new java.util.TreeMap<>();
        Map<Long, Integer> allBySecond = new java.util.TreeMap<>();
        for (Delay delay : delays) {
            long second = Math.max(0, Duration.between(start, delay.offeredAt()).toSeconds());
            allBySecond.merge(second, 1, Integer::sum);
            if (delay.millis() > lateMillis) {
                byCause.merge(delay.cause(), 1, Integer::sum);
                bySecond.merge(second, 1, Integer::sum);
            }
        }
        StringBuilder line = new StringBuilder(String.format("offers later than %.0f ms: %,d of %,d; measured from %s; late/all by second since online:",
                lateMillis, bySecond.values().stream().mapToInt(Integer::intValue).sum(), delays.size(), byCause));
        allBySecond.forEach((second, all) -> line.append(' ').append(second).append("s=").append(bySecond.getOrDefault(second, 0))
                .append('/').append(all));
        return line.toString();
    }

    /** A take or a release of one slot; at one instant a release comes before a take. */
    private record Change(Instant at, int slots, Offer offer) {
    }

    private static void replay(List<Offer> offers, Set<Offer> notMeasured, int capacity, Instant online, List<Delay> delays) {
        List<Change> changes = new ArrayList<>();
        for (Offer offer : offers) {
            changes.add(new Change(offer.offeredAt(), 1, offer));
            if (offer.releasedAt() != Instant.MAX) {
                changes.add(new Change(offer.releasedAt(), -1, offer));
            }
        }
        changes.sort(Comparator.comparing(Change::at).thenComparing(Change::slots));
        int load = 0;
        Instant freeSince = online;
        for (Change change : changes) {
            if (change.slots() < 0) {
                if (load == capacity) {
                    freeSince = change.at();
                }
                load--;
                continue;
            }
            Offer offer = change.offer();
            if (notMeasured.contains(offer)) {
                load++;
                continue;
            }
            Instant ready = latest(latest(offer.taskReady(), offer.eligibleFrom()), freeSince);
            delays.add(new Delay(Math.max(0, Duration.between(ready, change.at()).toNanos() / 1e6),
                    cause(ready, offer, freeSince, online), change.at()));
            load++;
        }
    }

    private static Cause cause(Instant ready, Offer offer, Instant freeSince, Instant online) {
        if (ready.equals(offer.taskReady())) {
            return Cause.TASK_WAITING;
        }
        if (ready.equals(offer.eligibleFrom())) {
            return Cause.ESCALATION_STEP;
        }
        return freeSince.equals(online) ? Cause.AGENT_ONLINE : Cause.SLOT_FREED;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
