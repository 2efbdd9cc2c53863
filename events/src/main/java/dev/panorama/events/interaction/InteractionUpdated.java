package dev.panorama.events.interaction;

import dev.panorama.events.OptionalField;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A new version of a contact was stored (e.g. an agent's disposition); the old one is kept. */
public record InteractionUpdated(
        UUID interactionId,
        @OptionalField UUID customerId,
        int version,
        @OptionalField String disposition,
        List<String> tags,
        String updatedBy,
        Instant updatedAt) {

    /** Absent lists read as empty, so consumers never meet null. */
    public InteractionUpdated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
