package dev.panorama.profile.api;

import io.quarkus.security.ForbiddenException;

/** A customer asked for someone else's profile. */
final class NotYourProfile extends ForbiddenException {

    NotYourProfile() {
        super("a customer may read only its own profile");
    }
}
