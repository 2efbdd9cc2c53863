package dev.panorama.interaction.timeline;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** The contact's customer was erased: only an anonymous tombstone is left. */
public class ErasedInteraction extends DomainException {

    public ErasedInteraction(UUID id) {
        super(Kind.GONE, "interaction-erased", "Interaction " + id + " belonged to an erased customer; its content is gone.");
    }
}
