package dev.panorama.reliability.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.panorama.reliability.load.Sent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    private static Sent sent(String id, String customer) {
        return new Sent(id, customer, Sent.Path.KAFKA, false, AT);
    }

    @Test
    void every_message_once_in_its_own_timeline_is_exactly_once() {
        Tally tally = Tally.of(List.of(sent("m-1", "c-1"), sent("m-2", "c-2")),
                List.of(new Stored("m-1", "i-1", "c-1", "RESOLVED", false), new Stored("m-2", "i-2", "c-2", "RESOLVED", false)));

        assertThat(tally.exactlyOnce()).isTrue();
        assertThat(tally.stored()).isEqualTo(2);
    }

    @Test
    void a_message_stored_as_two_interactions_is_doubled_and_one_in_no_timeline_is_lost() {
        Tally tally = Tally.of(List.of(sent("m-1", "c-1"), sent("m-2", "c-1"), sent("m-3", "c-1")),
                List.of(new Stored("m-1", "i-1", "c-1", "RESOLVED", false), new Stored("m-1", "i-9", "c-1", "RESOLVED", false),
                        new Stored("m-2", "i-2", "c-1", "RESOLVED", false)));

        assertThat(tally.exactlyOnce()).isFalse();
        assertThat(tally.duplicated()).isEqualTo(1);
        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.examples()).anyMatch(example -> example.startsWith("lost m-3"));
    }

    @Test
    void the_same_interaction_read_twice_is_not_a_duplicate_but_one_in_another_timeline_is_misplaced() {
        Tally tally = Tally.of(List.of(sent("m-1", "c-1"), sent("m-2", "c-1")),
                List.of(new Stored("m-1", "i-1", "c-1", "RESOLVED", false), new Stored("m-1", "i-1", "c-1", "RESOLVED", false),
                        new Stored("m-2", "i-2", "c-2", "RESOLVED", false)));

        assertThat(tally.duplicated()).isZero();
        assertThat(tally.misplaced()).isEqualTo(1);
        assertThat(tally.stored()).isEqualTo(1);
    }

    @Test
    void profiles_must_count_every_message_sent_to_their_customer() {
        assertThat(Tally.expectedPerCustomer(List.of(sent("m-1", "c-1"), sent("m-2", "c-1"), sent("m-3", "c-2"))))
                .containsEntry("c-1", 2L).containsEntry("c-2", 1L);
    }
}
