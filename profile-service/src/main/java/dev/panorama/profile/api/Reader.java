package dev.panorama.profile.api;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is reading: staff (every read audit-logged) or a customer, whose token names its own customer in the
 * {@code customer_id} claim (a user attribute in Keycloak).
 */
record Reader(String name, Optional<UUID> ownCustomerId, boolean customer) {

    static final String CUSTOMER_ID_CLAIM = "customer_id";

    static Reader of(SecurityIdentity identity) {
        boolean customer = identity.hasRole("customer") && !isStaff(identity);
        Optional<UUID> own = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(CUSTOMER_ID_CLAIM) != null) {
            own = parse(String.valueOf((Object) token.getClaim(CUSTOMER_ID_CLAIM)));
        }
        return new Reader(identity.getPrincipal().getName(), own, customer);
    }

    void mayRead(UUID customerId) {
        if (customer && !ownCustomerId.map(customerId::equals).orElse(false)) {
            throw new NotYourProfile();
        }
    }

    private static boolean isStaff(SecurityIdentity identity) {
        return identity.hasRole("agent") || identity.hasRole("supervisor") || identity.hasRole("admin")
                || identity.hasRole("data-steward");
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value.replace("\"", "")));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
