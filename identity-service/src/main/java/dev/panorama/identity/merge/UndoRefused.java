package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** An undo that is no longer safe, or was done already. */
public class UndoRefused extends DomainException {

    public UndoRefused(String detail) {
        super(Kind.CONFLICT, "undo-refused", detail);
    }
}
