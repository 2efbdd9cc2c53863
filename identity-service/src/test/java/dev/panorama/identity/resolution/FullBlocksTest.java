package dev.panorama.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FullBlocksTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FullBlocks blocks = new FullBlocks(nanos::get);

    @Test
    void everyKeyIsCountedUntilItsBlockWasSeenOverTheCap() {
        Set<String> keys = Set.of("dob:19690128", "lg:town:0", "em:theo@example.com");
        assertThat(blocks.toCount(keys)).isEqualTo(keys);

        blocks.remember(List.of("lg:town:0"));

        assertThat(blocks.toCount(keys)).containsExactlyInAnyOrder("dob:19690128", "em:theo@example.com");
    }

    @Test
    void aKeySeenOverTheCapIsCountedAgainOnceItsTimeIsUp() {
        blocks.remember(List.of("lg:town:0"));
        nanos.addAndGet(FullBlocks.REMEMBERED_FOR.minus(Duration.ofSeconds(1)).toNanos());
        assertThat(blocks.toCount(Set.of("lg:town:0"))).as("still remembered").isEmpty();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(blocks.toCount(Set.of("lg:town:0"))).as("a block may have shrunk since").containsExactly("lg:town:0");
    }

    @Test
    void aNewRecordIsNotIndexedUnderAKeyWhoseBlockIsOverTheCapUnlessLookupsReadIt() {
        Set<String> keys = Set.of("dob:19690128", "lg:town:0", "em:theo@example.com", "ph:+447700900123", "id:nin:ab123456c");

        blocks.remember(List.of("lg:town:0", "em:theo@example.com", "ph:+447700900123", "id:nin:ab123456c"));

        assertThat(blocks.toIndex(keys)).containsExactlyInAnyOrder("dob:19690128", "em:theo@example.com",
                "ph:+447700900123", "id:nin:ab123456c");
    }

    @Test
    void aKeyIsIndexedAgainOnceItsBlockIsNoLongerRememberedFull() {
        blocks.remember(List.of("lg:town:0"));
        nanos.addAndGet(FullBlocks.REMEMBERED_FOR.plus(Duration.ofSeconds(1)).toNanos());

        assertThat(blocks.toIndex(Set.of("lg:town:0"))).containsExactly("lg:town:0");
    }
}
