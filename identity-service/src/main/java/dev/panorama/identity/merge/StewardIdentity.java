package dev.panorama.identity.merge;

import io.quarkus.security.identity.SecurityIdentity;

/** The caller of a stewardship endpoint as the change log records them. */
public final class StewardIdentity {

    private StewardIdentity() {
    }

    public static Steward of(SecurityIdentity identity) {
        return new Steward(identity.getPrincipal().getName(), identity.hasRole("admin"));
    }
}
