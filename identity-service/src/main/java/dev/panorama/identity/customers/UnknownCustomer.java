package dev.panorama.identity.customers;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** No customer has the id asked for (404). */
public class UnknownCustomer extends DomainException {

    public UnknownCustomer(UUID id) {
        super(Kind.NOT_FOUND, "customer-not-found", "There is no customer " + id + ".");
    }
}
