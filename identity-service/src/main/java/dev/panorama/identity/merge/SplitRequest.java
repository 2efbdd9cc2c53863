package dev.panorama.identity.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A data steward's split: which of the customer's current records go to a new customer, and why. */
@Schema(name = "SplitRequest")
public record SplitRequest(
        @NotNull UUID customerId,
        @NotNull @Size(max = 500) @Schema(description = "Ids of the customer's current records (as the customer view shows them)")
        List<@NotNull UUID> recordIds,
        @NotBlank @Size(max = 1000) @Schema(examples = "two people with the same name were merged") String reason) {
}
