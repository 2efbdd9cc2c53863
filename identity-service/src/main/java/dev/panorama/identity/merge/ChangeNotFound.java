package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** No merge (or split) with this id. */
public class ChangeNotFound extends DomainException {

    public ChangeNotFound(ChangeKind kind, java.util.UUID id) {
        super(Kind.NOT_FOUND, kind.name().toLowerCase() + "-not-found", "no " + kind.name().toLowerCase() + " " + id);
    }
}
