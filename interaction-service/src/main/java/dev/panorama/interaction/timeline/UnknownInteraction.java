package dev.panorama.interaction.timeline;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

public class UnknownInteraction extends DomainException {

    public UnknownInteraction(UUID id) {
        super(Kind.NOT_FOUND, "interaction-not-found", "No interaction " + id + ".");
    }
}
