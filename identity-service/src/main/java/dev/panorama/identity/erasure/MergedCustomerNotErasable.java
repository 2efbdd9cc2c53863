package dev.panorama.identity.erasure;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** A merged customer holds nothing of its own any more: its records live with the survivor, which is what to erase. */
public class MergedCustomerNotErasable extends DomainException {

    public MergedCustomerNotErasable(UUID customerId, UUID survivorId) {
        super(Kind.CONFLICT, "customer-merged", "Customer " + customerId + " was merged into customer " + survivorId
                + ", which holds its records: erase " + survivorId + " instead.");
    }
}
