package dev.panorama.identity.verification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VerificationAttempt", description = "A caller's answers to check against the customer's factors")
public record VerificationRequest(
        @NotNull UUID customerId,
        @NotNull @Valid FactorAnswers answers,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9_-]*", message = "lower-case letters, digits, - and _ only")
        @Schema(description = "The channel the caller is on", examples = "phone") String channel) {
}
