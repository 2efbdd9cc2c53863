package dev.panorama.identity.imports;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** No import job has this id. */
public class ImportJobNotFound extends DomainException {

    public ImportJobNotFound(UUID id) {
        super(Kind.NOT_FOUND, "import-job-not-found", "No import job " + id + ".");
    }
}
