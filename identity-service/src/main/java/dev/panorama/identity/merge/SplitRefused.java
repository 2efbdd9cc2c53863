package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** A split that would move no record, every record, or records of another customer. */
public class SplitRefused extends DomainException {

    public SplitRefused(String detail) {
        super(Kind.UNPROCESSABLE, "split-refused", detail);
    }
}
