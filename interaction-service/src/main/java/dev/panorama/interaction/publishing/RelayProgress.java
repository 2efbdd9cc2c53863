package dev.panorama.interaction.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which positions of this instance's relay stream are settled: their document's announcement was acknowledged by Kafka,
 * or their document was not stored (a duplicate). The checkpoint is the highest position below which every position is
 * settled; positions above it may still be in a write, on their way to Kafka, or left to the sweep after a failure.
 * Positions are given out in ascending order and settle in any order. Thread-safe.
 */
final class RelayProgress {

    /** Marks a position still in hand (being written or relayed), not left to the sweep. */
    private static final Instant IN_HAND = Instant.MAX;

    private final TreeMap<Long, Instant> open = new TreeMap<>();
    private long next = 1;

    /** Gives out {@code count} positions in a row; answers the first. */
    synchronized long take(int count) {
        long first = next;
        for (int i = 0; i < count; i++) {
            open.put(next++, IN_HAND);
        }
        return first;
    }

    synchronized void settled(Collection<Long> positions) {
        positions.forEach(open::remove);
    }

    /** Positions whose write or relay failed: the sweep looks for their documents once they are old enough. */
    synchronized void leftToSweep(Collection<Long> positions, Instant since) {
        positions.forEach(position -> open.replace(position, since));
    }

    /** Up to {@code limit} positions left to the sweep before {@code before}, ascending. */
    synchronized List<Long> leftBefore(Instant before, int limit) {
        List<Long> left = new ArrayList<>();
        for (Map.Entry<Long, Instant> position : open.entrySet()) {
            if (left.size() == limit) {
                break;
            }
            if (position.getValue().isBefore(before)) {
                left.add(position.getKey());
            }
        }
        return left;
    }

    synchronized long checkpoint() {
        return open.isEmpty() ? next - 1 : open.firstKey() - 1;
    }
}
