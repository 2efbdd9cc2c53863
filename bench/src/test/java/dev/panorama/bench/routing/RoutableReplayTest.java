package dev.panorama.bench.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.routing.matching.QueuePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutableReplayTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Map<String, Integer> CAPACITY = Map.of("CHAT", 2, "EMAIL", 3);

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    private static RoutableReplay.Offer offer(String agent, long offered, long released, long taskReady, long eligible) {
        return new RoutableReplay.Offer(agent, "CHAT", at(offered), released < 0 ? Instant.MAX : at(released), at(taskReady), at(eligible));
    }

    private static double[] replay(RoutableReplay.Offer... offers) {
        return RoutableReplay.delaysMillis(List.of(offers), CAPACITY, agent -> T0);
    }

    @Test
    void an_offer_to_an_agent_with_a_free_slot_counts_from_the_task_waiting() {
        assertThat(replay(offer("a", 130, -1, 100, 100))).containsExactly(30.0);
    }

    @Test
    void an_offer_to_an_agent_whose_slots_were_full_counts_from_the_slot_freeing() {
        double[] delays = replay(offer("a", 0, 500, 0, 0), offer("a", 0, 900, 0, 0), offer("a", 520, -1, 100, 100));
        assertThat(delays).containsExactly(0.0, 0.0, 20.0);
    }

    @Test
    void a_slot_freed_while_another_was_free_does_not_move_the_start() {
        // one slot of two taken and given back: the agent had room all along, so the wait counts from the task
        double[] delays = replay(offer("a", 0, 300, 0, 0), offer("a", 400, -1, 50, 50));
        assertThat(delays).containsExactly(0.0, 350.0);
    }

    @Test
    void an_agent_only_an_escalation_step_admits_counts_from_that_step_being_due() {
        // queued at 0, admitted by the step due at 2 s, offered 2.04 s: 40 ms, not the 2 s held for the preferred agent
        assertThat(replay(offer("a", 2_040, -1, 0, 2_000))).containsExactly(40.0);
    }

    @Test
    void a_late_escalation_is_counted_as_delay() {
        // the step was due at 2 s; a service that escalated only at its next tick shows the lag
        assertThat(replay(offer("a", 2_900, -1, 0, 2_000))).containsExactly(900.0);
    }

    @Test
    void an_agent_coming_online_late_counts_from_then() {
        double[] delays = RoutableReplay.delaysMillis(List.of(offer("a", 1_010, -1, 0, 0)), CAPACITY, agent -> at(1_000));
        assertThat(delays).containsExactly(10.0);
    }

    @Test
    void tasks_not_measured_hold_their_slots_and_free_them_when_they_end() {
        // both chat slots busy with filler tasks from before the run; the measured task waited since 100 ms, and the
        // agent's first slot freed at 700 ms: 15 ms, and no delay for the fillers themselves
        List<RoutableReplay.Offer> fillers = List.of(offer("a", -5_000, 700, -5_000, -5_000), offer("a", -4_000, 900, -4_000, -4_000));
        List<RoutableReplay.Delay> delays = RoutableReplay.delays(List.of(offer("a", 715, -1, 100, 100)), fillers, CAPACITY,
                agent -> at(-6_000));
        assertThat(delays).extracting(RoutableReplay.Delay::millis).containsExactly(15.0);
        assertThat(delays).extracting(RoutableReplay.Delay::cause).containsExactly(RoutableReplay.Cause.SLOT_FREED);
    }

    @Test
    void round_robin_admits_every_agent_at_once() {
        RoutingSimulation.TaskSpec task = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 5), 0, List.of("someone-else"));
        RoutingSimulation.AgentSpec agent = new RoutingSimulation.AgentSpec("a", Map.of("tech", 1));
        assertThat(Eligibility.from(RoutingBench.ROUND_ROBIN, task, agent, T0)).contains(T0);
    }

    @Test
    void skill_based_scoring_admits_an_agent_at_the_first_step_whose_requirements_it_meets() {
        QueuePolicy best = RoutingBench.BEST;
        RoutingSimulation.AgentSpec agent = new RoutingSimulation.AgentSpec("a", Map.of("billing", 3, "lang-de", 2));
        RoutingSimulation.TaskSpec preferred = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 3), 0, List.of("a"));
        RoutingSimulation.TaskSpec preferredOther = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 3), 0, List.of("b"));
        RoutingSimulation.TaskSpec tooProficient = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 4), 0, List.of());
        RoutingSimulation.TaskSpec otherSkill = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 3, "tech", 2), 0, List.of());
        assertThat(Eligibility.from(best, preferred, agent, T0)).contains(T0);
        assertThat(Eligibility.from(best, preferredOther, agent, T0)).contains(at(2_000));
        assertThat(Eligibility.from(best, tooProficient, agent, T0)).contains(at(20_000));
        assertThat(Eligibility.from(best, otherSkill, agent, T0)).contains(at(60_000));
    }

    @Test
    void an_agent_no_step_admits_is_told_apart() {
        RoutingSimulation.AgentSpec agent = new RoutingSimulation.AgentSpec("a", Map.of("lang-fr", 5));
        RoutingSimulation.TaskSpec task = new RoutingSimulation.TaskSpec("CHAT", Map.of("billing", 1), 0, List.of());
        assertThat(Eligibility.from(RoutingBench.BEST, task, agent, T0)).isEmpty();
    }
}
