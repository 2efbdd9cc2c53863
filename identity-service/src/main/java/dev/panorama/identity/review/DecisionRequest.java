package dev.panorama.identity.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data steward's decision on a review item. */
@Schema(name = "ReviewDecision")
public record DecisionRequest(
        @NotNull @Schema(description = "ACCEPT merges the record's customer into the candidate; REJECT keeps them apart")
        Decision decision,
        @NotBlank @Size(max = 1000) String reason,
        @Schema(description = "Accept despite merge protection; admins only") Boolean override) {

    public enum Decision {
        ACCEPT, REJECT
    }

    boolean overrides() {
        return Boolean.TRUE.equals(override);
    }
}
