package dev.panorama.bench.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        Map<String, List<Offer>> byAgentChannel = new java.util.HashMap<>();
        offers.forEach(offer -> byAgentChannel.computeIfAbsent(offer.agent() + "/" + offer.channel(), k -> new ArrayList<>()).add(offer));
        List<Double> delays = new ArrayList<>();
        byAgentChannel.values().forEach(agentOffers -> replay(agentOffers, capacity.get(agentOffers.getFirst().channel()),
                agentOnline.apply(agentOffers.getFirst().agent()), delays));
        return delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** A take or a release of one slot; at one instant a release comes before a take. */
    private record Change(Instant at, int slots, Offer offer) {
    }

    private static void replay(List<Offer> offers, int capacity, Instant online, List<Double> delays) {
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
            Instant ready = latest(latest(offer.taskReady(), offer.eligibleFrom()), freeSince);
            delays.add(Math.max(0, Duration.between(ready, change.at()).toNanos() / 1e6));
            load++;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
