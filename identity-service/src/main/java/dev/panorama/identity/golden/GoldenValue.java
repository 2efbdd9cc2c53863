package dev.panorama.identity.golden;

import java.util.List;

/**
 * A value of the golden record as a source sent it, the rule that chose it, and every source record
 * that carries it (newest first).
 */
public record GoldenValue<T>(T value, String rule, List<Source> sources) {
}
