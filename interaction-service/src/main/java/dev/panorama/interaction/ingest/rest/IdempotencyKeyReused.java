package dev.panorama.interaction.ingest.rest;

import dev.panorama.kit.problem.DomainException;

/** The key of a contact stored before came again with other content: a retry must send the same contact. */
public class IdempotencyKeyReused extends DomainException {

    public IdempotencyKeyReused(java.util.UUID interactionId) {
        super(Kind.CONFLICT, "idempotency-key-reused", "A contact with this source message id or Idempotency-Key was stored before"
                + " with other content (interaction " + interactionId + "); send a correction instead.");
    }
}
