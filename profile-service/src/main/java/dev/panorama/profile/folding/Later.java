package dev.panorama.profile.folding;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/** Picks the later of two versions; equal times fall back to a stable order, so the pick never depends on arrival. */
final class Later {

    private Later() {
    }

    static <T> T of(T a, T b, Function<T, Instant> at) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int byTime = Comparator.nullsFirst(Comparator.<Instant>naturalOrder()).compare(at.apply(a), at.apply(b));
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return Objects.toString(a).compareTo(Objects.toString(b)) >= 0 ? a : b;
    }

    static <T> T ofVersion(T a, T b, Function<T, Long> version) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int byVersion = Long.compare(version.apply(a), version.apply(b));
        if (byVersion != 0) {
            return byVersion > 0 ? a : b;
        }
        return Objects.toString(a).compareTo(Objects.toString(b)) >= 0 ? a : b;
    }
}
