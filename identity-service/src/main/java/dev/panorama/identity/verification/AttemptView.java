package dev.panorama.identity.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a customer's verification audit trail. */
@Schema(name = "VerificationAuditEntry")
public record AttemptView(UUID id, UUID customerId, UUID requestedCustomerId, Instant attemptedAt,
        @Schema(description = "preferred_username of the token, else its subject") String actor,
        String actorSubject,
        @Schema(description = "The OIDC client the token was issued to") String client,
        String channel,
        @Schema(description = "Factors asked, by name; the answers are never kept") List<String> factorsAsked,
        @Schema(description = "VERIFIED, FAILED, LOCKED (refused while locked) or UNLOCKED (lock lifted by staff)") String outcome,
        AssuranceLevel assuranceLevel) {
}
