package dev.panorama.identity.verification;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** An erased customer keeps its id but nothing to verify against, and may not be given new secrets. */
public class ErasedCustomer extends DomainException {

    public ErasedCustomer(UUID id) {
        super(Kind.GONE, "customer-erased", "Customer " + id + " has been erased.");
    }
}
