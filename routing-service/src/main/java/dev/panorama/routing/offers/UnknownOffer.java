package dev.panorama.routing.offers;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** No offer has this id. */
public class UnknownOffer extends DomainException {

    public UnknownOffer(UUID offerId) {
        super(Kind.NOT_FOUND, "unknown-offer", "No offer " + offerId + ".");
    }
}
