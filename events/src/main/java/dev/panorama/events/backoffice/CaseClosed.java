package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import java.time.Instant;

/** A service case was closed. */
public record CaseClosed(
        String sourceSystem,
        String customerNumber,
        String caseId,
        @OptionalField String resolution,
        Instant closedAt) {
}
