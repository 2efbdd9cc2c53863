package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PendingWorkTest {

    @Test
    void items_are_taken_oldest_first_at_most_a_rounds_worth_and_once() {
        PendingWork<String> agents = new PendingWork<>(new HashSet<>());
        agents.add(List.of("c", "a", "b", "a"));

        assertThat(agents.take(2)).containsExactly("c", "a");
        assertThat(agents.take(2)).containsExactly("b");
        assertThat(agents.take(2)).isEmpty();
        assertThat(agents.takeable()).isFalse();
    }

    @Test
    void an_item_a_round_in_flight_holds_waits_for_its_release_while_others_are_taken() {
        PendingWork<String> agents = new PendingWork<>(new HashSet<>());
        agents.add(List.of("a", "b"));
        List<String> first = agents.take(10);

        agents.add(List.of("a", "c"));
        assertThat(agents.takeable()).isTrue();
        assertThat(agents.take(10)).containsExactly("c");
        assertThat(agents.takeable()).as("only a, held by the first round, is left").isFalse();

        agents.release(first);
        assertThat(agents.takeable()).isTrue();
        assertThat(agents.take(10)).containsExactly("a");
    }

    @Test
    void pending_work_sharing_an_in_flight_set_never_hands_one_item_to_two_rounds() {
        Set<String> inFlight = new HashSet<>();
        PendingWork<String> asked = new PendingWork<>(inFlight);
        PendingWork<String> swept = new PendingWork<>(inFlight);
        asked.add(List.of("a"));
        swept.add(List.of("a", "b"));

        assertThat(asked.take(10)).containsExactly("a");
        assertThat(swept.take(10)).containsExactly("b");

        asked.release(List.of("a"));
        assertThat(swept.take(10)).containsExactly("a");
    }
}
