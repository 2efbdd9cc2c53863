package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** The customer's data was erased; it takes part in no merge or split. */
public class CustomerErased extends DomainException {

    public CustomerErased(String detail) {
        super(Kind.CONFLICT, "customer-erased", detail);
    }
}
