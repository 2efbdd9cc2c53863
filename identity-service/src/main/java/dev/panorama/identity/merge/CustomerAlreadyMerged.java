package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** The customer was merged into another; act on the survivor instead. */
public class CustomerAlreadyMerged extends DomainException {

    public CustomerAlreadyMerged(String detail) {
        super(Kind.CONFLICT, "customer-already-merged", detail);
    }
}
