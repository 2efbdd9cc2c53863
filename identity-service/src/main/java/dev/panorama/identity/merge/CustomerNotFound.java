package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** A change names a customer that does not exist. */
public class CustomerNotFound extends DomainException {

    public CustomerNotFound(String detail) {
        super(Kind.NOT_FOUND, "customer-not-found", detail);
    }
}
