package dev.panorama.routing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EscalationTimerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void an_earlier_step_rearms_the_timer_and_a_later_one_leaves_it() {
        assertThat(EscalationTimer.replaces(null, NOW.plusSeconds(2))).isTrue();
        assertThat(EscalationTimer.replaces(NOW.plusSeconds(2), NOW.plusSeconds(1))).isTrue();
        assertThat(EscalationTimer.replaces(NOW.plusSeconds(2), NOW.plusSeconds(2))).isFalse();
        assertThat(EscalationTimer.replaces(NOW.plusSeconds(2), NOW.plusSeconds(20))).isFalse();
    }

    @Test
    void a_step_is_escalated_once_it_is_due_not_before() {
        assertThat(EscalationTimer.pause(NOW, NOW.plusSeconds(2))).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void a_step_already_due_waits_the_least_pause_so_a_step_another_replica_holds_is_not_spun_on() {
        assertThat(EscalationTimer.pause(NOW, NOW.minusSeconds(3))).isEqualTo(EscalationTimer.LEAST_PAUSE);
        assertThat(EscalationTimer.pause(NOW, NOW)).isEqualTo(EscalationTimer.LEAST_PAUSE);
    }
}
