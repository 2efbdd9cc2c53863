package dev.panorama.routing.matching;

import static dev.panorama.routing.matching.Fixtures.NOW;
import static dev.panorama.routing.matching.Fixtures.needs;
import static dev.panorama.routing.matching.Fixtures.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where rounds for freed agents look for work, and what a round leaves its agents with. */
class DispatchPlannerTest {

    private static final DispatchPlanner PLANNER = new DispatchPlanner(Matcher.DEFAULT, RoutingOrder.DEFAULT);
    private static final Map<String, QueuePolicy> QUEUES = Map.of("support", QueuePolicy.simple("support", Strategy.BEST_SCORE));

    private static Agent agent(String id, AgentPresence presence, Map<Channel, Integer> capacity, Map<Channel, Integer> load) {
        return new Agent(id, presence, Map.of("en", 3), capacity, load, NOW.minusSeconds(30));
    }

    @Test
    void onlyChannelsWhereAnAvailableAgentHasRoomCount() {
        Agent fullOnChat = agent("a", AgentPresence.AVAILABLE, Map.of(Channel.CHAT, 2, Channel.EMAIL, 3),
                Map.of(Channel.CHAT, 2, Channel.EMAIL, 1));
        Agent awayWithRoom = agent("b", AgentPresence.AWAY, Map.of(Channel.PHONE, 1), Map.of());

        assertThat(DispatchPlanner.channelsWithRoom(List.of(fullOnChat, awayWithRoom))).containsExactly(Channel.EMAIL);
    }

    @Test
    void aPassGoesOnOnlyWhereSomeoneHasRoomAndTheHeadWasFull() {
        Agent roomOnBoth = agent("a", AgentPresence.AVAILABLE, Map.of(Channel.CHAT, 2, Channel.EMAIL, 3), Map.of());

        Map<Channel, Integer> asked = Map.of(Channel.CHAT, 100, Channel.EMAIL, 100);
        assertThat(DispatchPlanner.channelsToGoOn(List.of(roomOnBoth), Map.of(Channel.CHAT, 100, Channel.EMAIL, 40), asked))
                .as("the e-mail head came back short: nothing waits behind it").containsExactly(Channel.CHAT);
        assertThat(DispatchPlanner.channelsToGoOn(List.of(), Map.of(Channel.CHAT, 100), asked)).isEmpty();
    }

    @Test
    void theHeadGrowsWithTheFreeSlotsBetweenItsBounds() {
        Agent a = agent("a", AgentPresence.AVAILABLE, Map.of(Channel.CHAT, 2, Channel.EMAIL, 3), Map.of(Channel.EMAIL, 3));
        Agent b = agent("b", AgentPresence.AVAILABLE, Map.of(Channel.CHAT, 2), Map.of(Channel.CHAT, 1));
        Agent away = agent("c", AgentPresence.AWAY, Map.of(Channel.PHONE, 1), Map.of());

        assertThat(DispatchPlanner.headSizes(List.of(a, b, away), 10, 20, 1000))
                .as("three free chat slots, none on e-mail, none counted for an agent who is away")
                .isEqualTo(Map.of(Channel.CHAT, 30));
        assertThat(DispatchPlanner.headSizes(List.of(b), 10, 20, 1000)).isEqualTo(Map.of(Channel.CHAT, 20));
        assertThat(DispatchPlanner.headSizes(List.of(a, b), 10, 20, 25)).isEqualTo(Map.of(Channel.CHAT, 25));
    }

    @Test
    void laterPagesOfAnAgentDrivenPassReadMoreTasksPerSlot() {
        assertThat(DispatchPlanner.perSlotOnPage(4, 0)).isEqualTo(4);
        assertThat(DispatchPlanner.perSlotOnPage(4, 1)).isEqualTo(8);
        assertThat(DispatchPlanner.perSlotOnPage(4, 3)).isEqualTo(32);
        assertThat(DispatchPlanner.perSlotOnPage(4, 19)).as("bounded, however many pages").isEqualTo(1024);
    }

    @Test
    void aRoundAnswersTheAgentsWithTheirNewOffersCounted() {
        Agent agent = agent("a", AgentPresence.AVAILABLE, Map.of(Channel.CHAT, 2), Map.of());
        List<Task> tasks = List.of(task(Channel.CHAT, "support", 10, List.of(needs("en", 1))),
                task(Channel.CHAT, "support", 10, List.of(needs("en", 1))),
                task(Channel.CHAT, "support", 10, List.of(needs("en", 1))));

        DispatchPlanner.Round round = PLANNER.round(tasks, QUEUES, List.of(agent), NOW, DispatchPlanner.noCursors());

        assertThat(round.offers()).hasSize(2);
        assertThat(round.agentsAfter()).singleElement().satisfies(after -> {
            assertThat(after.loadOn(Channel.CHAT)).isEqualTo(2);
            assertThat(after.hasRoomOn(Channel.CHAT)).isFalse();
        });
        assertThat(DispatchPlanner.channelsWithRoom(round.agentsAfter())).isEmpty();
    }
}
