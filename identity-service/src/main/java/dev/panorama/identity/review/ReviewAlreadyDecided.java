package dev.panorama.identity.review;

import dev.panorama.kit.problem.DomainException;

/** A review item is decided once; a second decision would contradict or repeat the first. */
public class ReviewAlreadyDecided extends DomainException {

    public ReviewAlreadyDecided(String detail) {
        super(Kind.CONFLICT, "review-already-decided", detail);
    }
}
