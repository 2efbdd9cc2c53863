package dev.panorama.identity.review;

import dev.panorama.identity.resolution.Explanation;
import java.time.Instant;
import java.util.UUID;

/**
 * A review item as a data steward sees it: the record, the customer it got for now, the customer it may
 * belong to, the score and each field's part in it; once decided, by whom, when, why, and the merge made.
 */
public record ReviewView(UUID id, String status, UUID recordId, String sourceSystem, String sourceId, UUID customerId,
        UUID candidateCustomerId, double probability, Explanation explanation, Instant createdAt, String decidedBy,
        Instant decidedAt, String decisionReason, UUID mergeId) {
}
