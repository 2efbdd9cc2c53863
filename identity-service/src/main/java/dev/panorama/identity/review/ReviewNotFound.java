package dev.panorama.identity.review;

import dev.panorama.kit.problem.DomainException;

/** No review item with this id. */
public class ReviewNotFound extends DomainException {

    public ReviewNotFound(String detail) {
        super(Kind.NOT_FOUND, "review-not-found", detail);
    }
}
