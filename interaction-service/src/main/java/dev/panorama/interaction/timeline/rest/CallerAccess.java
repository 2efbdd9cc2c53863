package dev.panorama.interaction.timeline.rest;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read whose contacts. Staff (agent, supervisor) read any customer's; a customer token reads only the customer
 * its {@code customer_id} claim names (a Keycloak user attribute mapped into the token).
 */
@RequestScoped
public class CallerAccess {

    static final String CUSTOMER_CLAIM = "customer_id";

    private final SecurityIdentity caller;
    private final JsonWebToken token;

    public CallerAccess(SecurityIdentity caller, JsonWebToken token) {
        this.caller = caller;
        this.token = token;
    }

    public boolean isStaff() {
        return caller.hasRole("agent") || caller.hasRole("supervisor");
    }

    /** Refuses a customer reading another customer's contacts (403, naming nobody). */
    public void requireOwnCustomer(UUID customerId) {
        if (isStaff()) {
            return;
        }
        Object claimed = token.getClaim(CUSTOMER_CLAIM);
        if (claimed == null || !customerId.toString().equals(claimed.toString())) {
            throw new ForbiddenException();
        }
    }
}
