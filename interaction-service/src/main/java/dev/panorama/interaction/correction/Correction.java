package dev.panorama.interaction.correction;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Staff's correction of a contact, stored as a new version. Absent fields keep their current value.
 *
 * @param expectedVersion the version the corrector saw; a correction of an older one is refused (409)
 * @param note            an internal note: staff see it, the customer never does
 */
public record Correction(@NotNull @Min(1) Integer expectedVersion, @Size(max = 200) String disposition,
        @Size(max = 100) List<@NotNull @Size(min = 1, max = 200) String> tags, @Size(max = 10000) String note) {
}
