package dev.panorama.routing.offers;

/** An offer is OPEN until the agent accepts or rejects it, it times out, or routing withdraws it. */
public enum OfferStatus {
    OPEN, ACCEPTED, REJECTED, EXPIRED, WITHDRAWN
}
