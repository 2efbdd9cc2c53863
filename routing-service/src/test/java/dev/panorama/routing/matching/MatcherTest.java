package dev.panorama.routing.matching;

import static dev.panorama.routing.matching.Fixtures.NOW;
import static dev.panorama.routing.matching.Fixtures.agent;
import static dev.panorama.routing.matching.Fixtures.needs;
import static dev.panorama.routing.matching.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

    private static final QueuePolicy BEST = QueuePolicy.simple("support", Strategy.BEST_SCORE);
    private static final QueuePolicy ROTATION = QueuePolicy.simple("support", Strategy.ROUND_ROBIN);

    @Test
    void theMoreProficientAgentWins() {
        Task task = task(Channel.EMAIL, "support", 10, List.of(needs("billing", 2)));
        Agent novice = agent("a-novice", Map.of("billing", 2));
        Agent expert = agent("b-expert", Map.of("billing", 5));
        assertThat(chosen(task, BEST, novice, expert)).contains("b-expert");
    }

    @Test
    void anAgentBelowTheMinimumProficiencyIsNeverChosen() {
        Task task = task(Channel.EMAIL, "support", 10, List.of(needs("billing", 4)));
        assertThat(chosen(task, BEST, agent("a", Map.of("billing", 3)), agent("b", Map.of("sales", 5)))).isEmpty();
    }

    @Test
    void thePreferredAgentWinsOverAnEquallySkilledStranger() {
        Task base = task(Channel.CHAT, "support", 10, List.of(needs("en", 1)));
        Task task = new Task(base.id(), base.channel(), base.queueId(), base.priority(), base.allOf(), List.of(),
                List.of("z-known"), NOW, NOW, 0, Set.of());
        assertThat(chosen(task, BEST, agent("a-stranger", Map.of("en", 3)), agent("z-known", Map.of("en", 3))))
                .contains("z-known");
    }

    @Test
    void theLongestIdleAgentWinsAmongEquals() {
        Task task = task(Channel.EMAIL, "support", 10, List.of());
        Agent recent = new Agent("a", AgentPresence.AVAILABLE, Map.of(), CapacityDefaults.standard(), Map.of(), NOW.minusSeconds(5));
        Agent idle = new Agent("b", AgentPresence.AVAILABLE, Map.of(), CapacityDefaults.standard(), Map.of(), NOW.minusSeconds(500));
        assertThat(chosen(task, BEST, recent, idle)).contains("b");
    }

    @Test
    void busyAwayOfflineAndWrapUpAgentsAndFullAgentsGetNothing() {
        Task task = task(Channel.PHONE, "support", 10, List.of());
        List<Agent> unavailable = List.of(
                withPresence("a", AgentPresence.BUSY), withPresence("b", AgentPresence.AWAY),
                withPresence("c", AgentPresence.OFFLINE), withPresence("d", AgentPresence.WRAP_UP),
                new Agent("e", AgentPresence.AVAILABLE, Map.of(), CapacityDefaults.standard(), Map.of(Channel.PHONE, 1), NOW));
        assertThat(Matcher.DEFAULT.choose(task, BEST, unavailable, NOW, null)).isEmpty();
        assertThat(Matcher.DEFAULT.choose(task, ROTATION, unavailable, NOW, null)).isEmpty();
    }

    @Test
    void anAgentWhoTurnedTheTaskDownIsNotOfferedItAgain() {
        Task base = task(Channel.EMAIL, "support", 10, List.of());
        Task task = new Task(base.id(), base.channel(), base.queueId(), 10, List.of(), List.of(), List.of(), NOW, NOW, 0, Set.of("a"));
        assertThat(chosen(task, BEST, agent("a", Map.of()), agent("b", Map.of()))).contains("b");
    }

    @Test
    void roundRobinRotatesInIdOrderIgnoringSkills() {
        Task task = task(Channel.EMAIL, "support", 10, List.of(needs("billing", 5)));
        Agent[] agents = { agent("a", Map.of()), agent("b", Map.of("billing", 5)), agent("c", Map.of()) };
        assertThat(Matcher.DEFAULT.choose(task, ROTATION, List.of(agents), NOW, null)).map(Agent::id).contains("a");
        assertThat(Matcher.DEFAULT.choose(task, ROTATION, List.of(agents), NOW, "a")).map(Agent::id).contains("b");
        assertThat(Matcher.DEFAULT.choose(task, ROTATION, List.of(agents), NOW, "c")).map(Agent::id).contains("a");
    }

    @Test
    void anyOfNeedsOneOfTheSkills() {
        Task base = task(Channel.EMAIL, "support", 10, List.of());
        Task task = new Task(base.id(), base.channel(), "support", 10, List.of(), List.of(needs("de", 3), needs("fr", 3)),
                List.of(), NOW, NOW, 0, Set.of());
        assertThat(chosen(task, BEST, agent("a", Map.of("es", 5)), agent("b", Map.of("fr", 4)))).contains("b");
        assertThat(chosen(task, BEST, agent("a", Map.of("es", 5)))).isEmpty();
    }

    @Test
    void theScoreFollowsItsDocumentedFormula() {
        Task base = task(Channel.CHAT, "support", 10, List.of(needs("en", 1), needs("billing", 1)));
        Task task = new Task(base.id(), Channel.CHAT, "support", 10, base.allOf(), List.of(), List.of("x", "a"), NOW, NOW, 0, Set.of());
        Agent agent = new Agent("a", AgentPresence.AVAILABLE, Map.of("en", 5, "billing", 3),
                Map.of(Channel.CHAT, 3, Channel.EMAIL, 1), Map.of(Channel.CHAT, 1), NOW.minus(Duration.ofMinutes(5)));
        double expected = 0.40 * ((5 / 5.0 + 3 / 5.0) / 2) + 0.25 * 0.8 + 0.20 * 0.5 + 0.15 * 0.75;
        assertThat(BestScore.DEFAULT.of(agent, task, NOW)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static Agent withPresence(String id, AgentPresence presence) {
        return new Agent(id, presence, Map.of(), CapacityDefaults.standard(), Map.of(), NOW);
    }

    private static Optional<String> chosen(Task task, QueuePolicy queue, Agent... agents) {
        return Matcher.DEFAULT.choose(task, queue, List.of(agents), NOW, null).map(Agent::id);
    }
}
