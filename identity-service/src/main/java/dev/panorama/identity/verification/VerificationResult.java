package dev.panorama.identity.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationResult")
public record VerificationResult(
        @Schema(description = "The customer verified; the survivor when the id asked about was merged") UUID customerId,
        @Schema(description = """
                NONE: an answer was wrong or asked about a factor the customer has not set (a failed attempt). \
                LOW: one weak factor (postcode or accountLastDigits) right and nothing else asked. \
                MEDIUM: one strong factor (memorableDate or passphrase) right alone, or two or more weak factors right. \
                HIGH: two or more factors right, at least one of them strong, none wrong.""") AssuranceLevel assuranceLevel,
        @Schema(description = "Factors answered, by name") List<String> factorsChecked,
        @Schema(description = "Factors answered rightly, by name") List<String> factorsMatched,
        @Schema(description = "Failed attempts in a row still allowed before verification locks") int failedAttemptsRemaining,
        @Schema(description = "Set when this attempt locked verification: until when") Instant lockedUntil) {
}
