package dev.panorama.identity.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data steward's merge: the customers that go into the survivor, and why. */
@Schema(name = "MergeRequest")
public record MergeRequest(
        @NotNull UUID survivorId,
        @NotEmpty @Size(max = 50) List<@NotNull UUID> mergedIds,
        @NotBlank @Size(max = 1000) @Schema(examples = "same person: confirmed by phone") String reason,
        @Schema(description = "Merge despite merge protection (different unique identifiers or dates of birth); admins only")
        Boolean override) {

    boolean overrides() {
        return Boolean.TRUE.equals(override);
    }
}
