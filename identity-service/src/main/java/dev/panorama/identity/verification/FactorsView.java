package dev.panorama.identity.verification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which factors a customer has and since when; never a hash or an answer. */
@Schema(name = "VerificationFactorsStatus")
public record FactorsView(UUID customerId, List<FactorSet> factors) {

    @Schema(name = "VerificationFactorSet")
    public record FactorSet(@Schema(examples = "memorableDate") String factor, Instant setAt) {
    }
}
