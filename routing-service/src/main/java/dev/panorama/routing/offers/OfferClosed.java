package dev.panorama.routing.offers;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** The offer can no longer be answered: it expired, was withdrawn, or was answered already. */
public class OfferClosed extends DomainException {

    private OfferClosed(String type, String detail) {
        super(Kind.CONFLICT, type, detail);
    }

    public static OfferClosed expired(UUID offerId) {
        return new OfferClosed("offer-expired", "Offer " + offerId + " has expired; the task went to the next agent.");
    }

    public static OfferClosed answered(UUID offerId, OfferStatus status) {
        return new OfferClosed("offer-closed", "Offer " + offerId + " is " + status + " and can no longer be answered.");
    }
}
