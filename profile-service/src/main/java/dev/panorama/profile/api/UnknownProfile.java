package dev.panorama.profile.api;

import dev.panorama.kit.problem.DomainException;
import java.util.UUID;

/** No profile for the customer: never heard of, or erased (404). */
public class UnknownProfile extends DomainException {

    public UnknownProfile(UUID id) {
        super(Kind.NOT_FOUND, "profile-not-found", "There is no profile for customer " + id + ".");
    }
}
