package dev.panorama.interaction.correction;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** Someone else changed the contact since the corrector read it. */
public class VersionConflict extends DomainException {

    public VersionConflict(UUID id, int expected, int current) {
        super(Kind.CONFLICT, "version-conflict", "Interaction " + id + " is at version " + current + ", not " + expected
                + "; read it again and correct the current version.");
    }
}
