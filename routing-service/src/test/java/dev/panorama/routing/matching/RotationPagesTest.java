package dev.panorama.routing.matching;

import static dev.panorama.routing.matching.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.routing.AgentPresence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RotationPagesTest {

    private static final QueuePolicy ROTATION = QueuePolicy.simple("rotation", Strategy.ROUND_ROBIN);
    private static final Map<String, QueuePolicy> QUEUES = Map.of("rotation", ROTATION,
            "scored", QueuePolicy.simple("scored", Strategy.BEST_SCORE), "other", QueuePolicy.simple("other", Strategy.ROUND_ROBIN));
    private static final DispatchPlanner PLANNER = new DispatchPlanner(Matcher.DEFAULT, RoutingOrder.DEFAULT);

    @Test
    void theRotationStartsAfterTheCursorAndGoesRoundToTheStart() {
        List<String> admitted = List.of("a", "b", "c", "d", "e");
        RotationPages pages = RotationPages.of(List.of(task(Channel.CHAT, "rotation")), QUEUES, Map.of("rotation", "c"), admitted)
                .orElseThrow();

        assertThat(pages.next(2)).containsExactly("d", "e");
        assertThat(pages.allRead()).isFalse();
        assertThat(pages.next(10)).containsExactly("a", "b", "c");
        assertThat(pages.allRead()).isTrue();
    }

    @Test
    void aCursorNoLongerAdmittedStartsTheRotationAtTheNextIdAndNoCursorAtTheFirst() {
        List<String> admitted = List.of("a", "c", "e");
        List<Task> tasks = List.of(task(Channel.CHAT, "rotation"));

        assertThat(RotationPages.of(tasks, QUEUES, Map.of("rotation", "d"), admitted).orElseThrow().next(3)).containsExactly("e", "a", "c");
        assertThat(RotationPages.of(tasks, QUEUES, Map.of(), admitted).orElseThrow().next(3)).containsExactly("a", "c", "e");
    }

    @Test
    void onlyARoundForOneRotationsTasksIsReadInPages() {
        List<String> admitted = List.of("a", "b");

        assertThat(RotationPages.of(List.of(task(Channel.CHAT, "scored")), QUEUES, Map.of(), admitted)).isEmpty();
        assertThat(RotationPages.of(List.of(task(Channel.CHAT, "rotation"), task(Channel.CHAT, "other")), QUEUES, Map.of(), admitted))
                .isEmpty();
        assertThat(RotationPages.of(List.of(task(Channel.CHAT, "unknown")), QUEUES, Map.of(), admitted)).isEmpty();
    }

    @Test
    void aPlanThatWentRoundPastAgentsNotReadDecidesNothing() {
        List<String> admitted = List.of("a", "b", "c", "d", "e", "f");
        List<Task> tasks = List.of(task(Channel.CHAT, "rotation"));
        RotationPages pages = RotationPages.of(tasks, QUEUES, Map.of("rotation", "b"), admitted).orElseThrow();
        pages.next(2); // c, d: both full, so a plan on what was read can only go round to... nobody read

        List<Agent> read = List.of(full("c"), full("d"));
        assertThat(pages.decides(PLANNER.plan(tasks, QUEUES, read, NOW, new HashMap<>(Map.of("rotation", "b"))), 1)).isFalse();

        pages.next(4); // e, f, a, b
        List<Agent> all = List.of(full("c"), full("d"), free("e"), free("f"), free("a"), free("b"));
        assertThat(pages.decides(PLANNER.plan(tasks, QUEUES, all, NOW, new HashMap<>(Map.of("rotation", "b"))), 1)).isTrue();
    }

    /** Whatever the agents' room, cursor and tasks, the plan on the pages read until they decide is the plan on every agent. */
    @Test
    void thePlanOnThePagesReadIsThePlanOnEveryAgent() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            List<Agent> everyone = new ArrayList<>();
            int agents = 1 + random.nextInt(40);
            for (int i = 0; i < agents; i++) {
                everyone.add(agent(String.format("agent-%03d", i), random.nextInt(3), random.nextInt(3)));
            }
            List<String> admitted = everyone.stream().map(Agent::id).toList();
            List<Task> tasks = new ArrayList<>();
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                tasks.add(task(random.nextBoolean() ? Channel.CHAT : Channel.EMAIL, "rotation"));
            }
            Map<String, String> cursors = random.nextInt(4) == 0 ? Map.of()
                    : Map.of("rotation", String.format("agent-%03d", random.nextInt(agents + 2)));

            RotationPages pages = RotationPages.of(tasks, QUEUES, cursors, admitted).orElseThrow();
            List<Agent> read = new ArrayList<>();
            List<DispatchPlanner.PlannedOffer> plan;
            int size = 1 + random.nextInt(4);
            do {
                pages.next(size).forEach(id -> everyone.stream().filter(agent -> agent.id().equals(id) && hasRoom(agent))
                        .forEach(read::add));
                plan = PLANNER.plan(tasks, QUEUES, read, NOW, new HashMap<>(cursors));
                size *= 4;
            } while (!pages.allRead() && !pages.decides(plan, tasks.size()));

            assertThat(plan).as("trial %d", trial).isEqualTo(PLANNER.plan(tasks, QUEUES, everyone, NOW, new HashMap<>(cursors)));
        }
    }

    private static boolean hasRoom(Agent agent) {
        return agent.hasRoomOn(Channel.CHAT) || agent.hasRoomOn(Channel.EMAIL);
    }

    private static Agent agent(String id, int chatRoom, int emailRoom) {
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.put(Channel.CHAT, 2);
        capacity.put(Channel.EMAIL, 2);
        Map<Channel, Integer> load = new EnumMap<>(Channel.class);
        load.put(Channel.CHAT, 2 - chatRoom);
        load.put(Channel.EMAIL, 2 - emailRoom);
        return new Agent(id, AgentPresence.AVAILABLE, Map.of(), capacity, load, NOW.minusSeconds(60));
    }

    private static Agent free(String id) {
        return agent(id, 1, 1);
    }

    private static Agent full(String id) {
        return agent(id, 0, 0);
    }

    private static Task task(Channel channel, String queue) {
        return new Task(UUID.randomUUID(), channel, queue, 0, List.of(), List.of(), List.of(), NOW, NOW, 0, Set.of());
    }
}
