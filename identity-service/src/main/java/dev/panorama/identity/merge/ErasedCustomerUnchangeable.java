package dev.panorama.identity.merge;

import dev.panorama.kit.problem.DomainException;

/** The customer's data was erased; it takes part in no merge or split. */
public class ErasedCustomerUnchangeable extends DomainException {

    public ErasedCustomerUnchangeable(String detail) {
        super(Kind.CONFLICT, "erased-customer-unchangeable", detail);
    }
}
