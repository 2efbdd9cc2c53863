package dev.panorama.routing.agents;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who calls: the agent id is the token's principal name (preferred_username), the subject its {@code sub};
 * supervisors and admins may act on any agent's tasks.
 */
public record Caller(String name, String subject, boolean supervisor) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : null;
        return new Caller(identity.getPrincipal().getName(), subject,
                identity.hasRole("supervisor") || identity.hasRole("admin"));
    }

    /** The system itself (sweeper, consumers). */
    public static Caller routing() {
        return new Caller("routing-service", null, true);
    }

    /** Refuses unless the caller is the given agent or a supervisor. */
    public void mayActFor(String agentId) {
        if (!supervisor && !name.equals(agentId)) {
            throw new ForbiddenException("not the caller's");
        }
    }
}
