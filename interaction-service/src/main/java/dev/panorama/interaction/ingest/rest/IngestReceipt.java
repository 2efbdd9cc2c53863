package dev.panorama.interaction.ingest.rest;

import dev.panorama.interaction.ingest.IngestOutcome;
import dev.panorama.interaction.log.Resolution;
import java.util.UUID;

/**
 * What the adapter learns about a contact it sent.
 *
 * @param created    false when this contact was stored before: a retry changed nothing
 * @param customerId null while the customer is unknown ({@code resolution} says why)
 */
public record IngestReceipt(UUID interactionId, UUID customerId, Resolution resolution, boolean created) {

    static IngestReceipt of(IngestOutcome outcome) {
        return new IngestReceipt(outcome.interactionId(), outcome.customerId(), outcome.resolution(), outcome.created());
    }
}
