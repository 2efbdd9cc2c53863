package dev.panorama.bench.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityFiguresTest {

    private static final String FIGURES = """
            == identity down for 60 s (load average 1 min: 3.2)
            messages sent 1596 (1395 while identity was down), stored 1596, duplicated 0, misplaced 0, unresolved 0, lost 0
            REST contacts during the outage: 649 answers, 649 accepted at the first attempt; slowest 7512 ms
            faults injected: identity-service kill -9, held down 60 s, answering again 69.8 s after the kill
            every contact resolved into its timeline 5.4 s after identity was back (2.0 s after the load ended)
            profiles counting other than sent: 0; contacts waiting for an agent without exactly one task: 0
            == kill -9 of each part in turn at 20 messages/s (load average 1 min: 2.9)
            messages sent 2166 (Kafka 1083, REST 1083), stored exactly once 2164, duplicated 1, misplaced 0, unresolved 0, lost 1
            redeliveries by the adapters: Kafka 5, REST 340
            faults injected: 7; recovery (kill to answering again): identity-service 7.9 s, interaction-service 5.1 s, \
            routing-service 6.9 s, profile-service 5.7 s, gateway 3.4 s, kafka 13.3 s, postgresql 2.1 s
            every contact in its timeline 0.5 s after the load ended
            profiles counting other than sent: 0 []; contacts waiting for an agent without exactly one task: 0 []
            """;

    @Test
    void eachFaultRunGivesItsCountsAndRecoveries() {
        List<ReliabilityFigures.Run> runs = ReliabilityFigures.parse(FIGURES);

        assertThat(runs).extracting(ReliabilityFigures.Run::name)
                .containsExactly("identity down for 60 s", "kill -9 of each part in turn at 20 messages/s");
        ReliabilityFigures.Run outage = runs.get(0);
        assertThat(outage.sent()).isEqualTo(1596);
        assertThat(outage.storedExactlyOnce()).isEqualTo(1596);
        assertThat(outage.recoveries()).containsExactly(java.util.Map.entry("identity-service", 69.8));
        ReliabilityFigures.Run kills = runs.get(1);
        assertThat(kills.sent()).isEqualTo(2166);
        assertThat(kills.storedExactlyOnce()).isEqualTo(2164);
        assertThat(kills.duplicated()).isEqualTo(1);
        assertThat(kills.lost()).isEqualTo(1);
        assertThat(kills.recoveries()).containsKeys("identity-service", "gateway", "kafka", "postgresql").hasSize(7)
                .containsEntry("kafka", 13.3);
    }

    @Test
    void aBlockWithoutItsCountsIsRefused() {
        assertThatThrownBy(() -> ReliabilityFigures.parse("== broken run (load average 1 min: 1.0)\nnothing here\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messages sent");
    }

    @Test
    void noFiguresNoRuns() {
        assertThat(ReliabilityFigures.parse("")).isEmpty();
    }
}
