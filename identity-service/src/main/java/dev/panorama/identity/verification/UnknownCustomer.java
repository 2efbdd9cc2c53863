package dev.panorama.identity.verification;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

public class UnknownCustomer extends DomainException {

    public UnknownCustomer(UUID id) {
        super(Kind.NOT_FOUND, "customer-not-found", "There is no customer " + id + ".");
    }
}
