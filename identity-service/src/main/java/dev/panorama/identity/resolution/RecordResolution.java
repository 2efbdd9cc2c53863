package dev.panorama.identity.resolution;

import java.util.List;
import java.util.UUID;

/**
 * The answer to "whose record is this?".
 *
 * @param stored            false when the same content was already stored (a retry): nothing changed
 * @param mergedCustomerIds customers merged into {@code customerId} because this record matched them too
 */
public record RecordResolution(UUID customerId, UUID recordId, int version, String decision, Double probability,
        boolean stored, List<UUID> mergedCustomerIds) {
}
