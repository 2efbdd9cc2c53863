package dev.panorama.interaction.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint never passes a position that Kafka has not acknowledged, whatever order positions settle in. */
class RelayProgressTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void theCheckpointStopsBelowTheLowestUnsettledPosition() {
        RelayProgress progress = new RelayProgress();
        assertThat(progress.checkpoint()).isZero();

        assertThat(progress.take(3)).isEqualTo(1);
        assertThat(progress.take(2)).isEqualTo(4);
        progress.settled(List.of(4L, 5L, 2L));
        assertThat(progress.checkpoint()).isZero();

        progress.settled(List.of(1L));
        assertThat(progress.checkpoint()).isEqualTo(2);

        progress.settled(List.of(3L));
        assertThat(progress.checkpoint()).isEqualTo(5);
    }

    @Test
    void positionsLeftToTheSweepHoldTheCheckpointUntilSettledAndAreOfferedOnceOldEnough() {
        RelayProgress progress = new RelayProgress();
        progress.take(4);
        progress.leftToSweep(List.of(2L, 3L), NOW);
        progress.settled(List.of(1L, 4L));

        assertThat(progress.checkpoint()).isEqualTo(1);
        assertThat(progress.leftBefore(NOW, 10)).isEmpty();
        assertThat(progress.leftBefore(NOW.plusSeconds(1), 10)).containsExactly(2L, 3L);
        assertThat(progress.leftBefore(NOW.plusSeconds(1), 1)).containsExactly(2L);

        progress.settled(List.of(2L, 3L));
        assertThat(progress.checkpoint()).isEqualTo(4);
        assertThat(progress.leftBefore(NOW.plusSeconds(1), 10)).isEmpty();
    }

    @Test
    void positionsStillInHandAreNeverOfferedToTheSweep() {
        RelayProgress progress = new RelayProgress();
        progress.take(2);

        assertThat(progress.leftBefore(Instant.MAX, 10)).isEmpty();
        assertThat(progress.checkpoint()).isZero();
    }
}
