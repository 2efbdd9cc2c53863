package dev.panorama.interaction.log;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a contact's changeable part; a correction appends one, the earlier ones stay.
 *
 * @param note an agent's internal note: staff see it, the customer never does
 */
public record InteractionVersion(int version, Kind kind, Instant recordedAt, String recordedBy, UUID customerId,
        String disposition, List<String> tags, String note) {

    public enum Kind {
        /** As the channel delivered it. */
        INGESTED,
        /** The customer became known after the contact was stored. */
        RESOLVED,
        /** Staff corrected the disposition or tags or added a note. */
        CORRECTED
    }

    public InteractionVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
