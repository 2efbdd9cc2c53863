package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** The customers hold different values of an identifier of one person, or clearly different dates of birth: only an admin overrides that. */
public class MergeProtected extends DomainException {

    public MergeProtected(String detail) {
        super(Kind.UNPROCESSABLE, "merge-protected", detail);
    }
}
