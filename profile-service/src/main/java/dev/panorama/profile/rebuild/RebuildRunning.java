package dev.panorama.profile.rebuild;

import dev.panorama.kit.problem.DomainException;

/** A rebuild was asked for while one runs (409). */
public class RebuildRunning extends DomainException {

    public RebuildRunning() {
        super(Kind.CONFLICT, "rebuild-running", "A rebuild is running; follow it at GET /api/v1/profiles/rebuild.");
    }
}
