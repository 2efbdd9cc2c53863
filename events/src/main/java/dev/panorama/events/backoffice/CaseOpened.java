package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import java.time.Instant;

/** A service case (complaint, return, warranty claim, request) was opened. */
public record CaseOpened(
        String sourceSystem,
        String customerNumber,
        String caseId,
        CaseKind kind,
        @OptionalField String subject,
        @OptionalField String severity,
        Instant openedAt) {
}
