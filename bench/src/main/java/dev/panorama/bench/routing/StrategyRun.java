package dev.panorama.bench.routing;

import dev.panorama.routing.matching.QueuePolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The figures of one strategy's run, read back from the database once every task is done. */
record StrategyRun(String queue, double p99Millis, double p50Millis, double assignmentsPerSecond, double fullyQualifiedShare,
        double preferredHitRate, Map<Integer, Double> averageWait, Map<Integer, Double> p95Wait, double[] latenciesMillis) {

    static StrategyRun measure(Connection db, QueuePolicy policy, RoutingSimulation simulation,
            Map<UUID, RoutingSimulation.TaskSpec> specs, Instant online) throws SQLException {
        return measure(db, policy, simulation, specs, online, Optional.empty());
    }

    /** @param occupyingQueue a queue whose tasks held agents' slots during the run, not measured themselves */
    static StrategyRun measure(Connection db, QueuePolicy policy, RoutingSimulation simulation,
            Map<UUID, RoutingSimulation.TaskSpec> specs, Instant online, Optional<String> occupyingQueue) throws SQLException {
        String queue = policy.id();
        double[] latencies = routableToOffer(db, policy, simulation, specs, online, occupyingQueue);
        List<Instant> assigned = new ArrayList<>();
        int qualified = 0;
        int withPreferred = 0;
        int preferredHits = 0;
        Map<Integer, List<Double>> waits = new TreeMap<>();
        try (ResultSet rows = db.createStatement().executeQuery("select id, agent_id, created_at, assigned_at from routing_task"
                + " where queue_id = '" + queue + "'")) {
            while (rows.next()) {
                RoutingSimulation.TaskSpec spec = specs.get(rows.getObject("id", UUID.class));
                String agent = rows.getString("agent_id");
                Instant assignedAt = rows.getTimestamp("assigned_at").toInstant();
                Instant created = rows.getTimestamp("created_at").toInstant();
                assigned.add(assignedAt);
                qualified += simulation.fullyQualified(agent, spec) ? 1 : 0;
                if (!spec.preferred().isEmpty()) {
                    withPreferred++;
                    preferredHits += spec.preferred().contains(agent) ? 1 : 0;
                }
                Instant from = created.isAfter(online) ? created : online;
                waits.computeIfAbsent(spec.priority(), k -> new ArrayList<>()).add(Duration.between(from, assignedAt).toNanos() / 1e6);
            }
        }
        assigned.sort(Comparator.naturalOrder());
        int from = assigned.size() / 10;
        int to = assigned.size() * 9 / 10;
        double seconds = Duration.between(assigned.get(from), assigned.get(to)).toNanos() / 1e9;
        Map<Integer, Double> average = new TreeMap<>();
        Map<Integer, Double> p95 = new TreeMap<>();
        waits.forEach((priority, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            average.put(priority, Arrays.stream(sorted).average().orElse(0));
            p95.put(priority, percentile(sorted, 95));
        });
        return new StrategyRun(queue, percentile(latencies, 99), percentile(latencies, 50), (to - from) / seconds,
                (double) qualified / specs.size(), withPreferred == 0 ? 0 : (double) preferredHits / withPreferred, average, p95, latencies);
    }

    /** Replays the stored offers (see {@link RoutableReplay}); the queue's rules say when each agent became eligible. */
    private static double[] routableToOffer(Connection db, QueuePolicy queue, RoutingSimulation simulation,
            Map<UUID, RoutingSimulation.TaskSpec> specs, Instant online, Optional<String> occupyingQueue) throws SQLException {
        int[] inadmissible = new int[1];
        List<RoutableReplay.Offer> offers = offers(db, queue.id(), (agent, task, queuedAt) -> {
            Optional<Instant> eligible = Eligibility.from(queue, specs.get(task), simulation.agentsById.get(agent), queuedAt);
            inadmissible[0] += eligible.isEmpty() ? 1 : 0;
            return eligible.orElse(queuedAt);
        });
        if (inadmissible[0] > 0) {
            System.out.printf("%s: %,d offers to agents the task's requirements never admitted%n", queue.id(), inadmissible[0]);
        }
        List<RoutableReplay.Offer> occupying = occupyingQueue.isEmpty() ? List.of()
                : offers(db, occupyingQueue.get(), (agent, task, queuedAt) -> queuedAt);
        Map<String, Instant> availableSince = new HashMap<>();
        try (ResultSet rows = db.createStatement().executeQuery("select id, presence_since from agent where presence = 'AVAILABLE'")) {
            while (rows.next()) {
                availableSince.put(rows.getString(1), rows.getTimestamp(2).toInstant());
            }
        }
        // the agent came online as the simulation set it AVAILABLE, one agent after another
        List<RoutableReplay.Delay> delays = RoutableReplay.delays(offers, occupying, RoutingSimulation.CAPACITY,
                agent -> latest(online, availableSince.getOrDefault(agent, online)));
        System.out.printf("%s: %s%n", queue.id(), RoutableReplay.lateOnes(delays, 50, online));
        return delays.stream().mapToDouble(RoutableReplay.Delay::millis).sorted().toArray();
    }

    /** When the queue's rules first admitted the agent to the task. */
    private interface EligibleFrom {
        Instant of(String agent, UUID task, Instant queuedAt);
    }

    /** Every offer of the queue's tasks, with when its slot freed and when its task was ready. */
    private static List<RoutableReplay.Offer> offers(Connection db, String queue, EligibleFrom eligible) throws SQLException {
        List<RoutableReplay.Offer> offers = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("select o.agent_id, o.task_id, t.channel, o.offered_at,"
                + " case when o.status = 'ACCEPTED' then t.ended_at else o.closed_at end as released_at,"
                + " coalesce((select max(p.closed_at) from task_offer p where p.task_id = o.task_id and p.offered_at < o.offered_at),"
                + " t.created_at) as task_ready, t.queued_at"
                + " from task_offer o join routing_task t on t.id = o.task_id where t.queue_id = '" + queue + "'")) {
            while (rows.next()) {
                String agent = rows.getString(1);
                Instant queuedAt = rows.getTimestamp(7).toInstant();
                offers.add(new RoutableReplay.Offer(agent, rows.getString(3), rows.getTimestamp(4).toInstant(),
                        rows.getTimestamp(5) == null ? Instant.MAX : rows.getTimestamp(5).toInstant(),
                        rows.getTimestamp(6).toInstant(), eligible.of(agent, rows.getObject(2, UUID.class), queuedAt)));
            }
        }
        return offers;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static double percentile(double[] sorted, double percentile) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(sorted.length * percentile / 100))];
    }

    @Override
    public String toString() {
        return String.format("%s: routable->offer p50 %.1f ms p99 %.1f ms (%,d offers), %,.0f assignments/s sustained, "
                        + "%.1f%% handled by an agent with every required skill, preferred-agent hit rate %.1f%%, wait by priority avg %s p95 %s",
                queue, p50Millis, p99Millis, latenciesMillis.length, assignmentsPerSecond, fullyQualifiedShare * 100,
                preferredHitRate * 100, rounded(averageWait), rounded(p95Wait));
    }

    private static String rounded(Map<Integer, Double> millis) {
        Map<Integer, String> shown = new TreeMap<>();
        millis.forEach((priority, value) -> shown.put(priority, String.format("%.0f ms", value)));
        return shown.toString();
    }
}
