package dev.panorama.interaction.ingest;

import dev.panorama.interaction.log.Resolution;
import java.util.UUID;

/**
 * What became of one contact.
 *
 * @param created    false when it was stored before (a retry or a redelivery): nothing new was stored
 * @param conflicting a contact under the same key was stored before with other content
 */
public record IngestOutcome(UUID interactionId, UUID customerId, Resolution resolution, boolean created, boolean conflicting) {
}
