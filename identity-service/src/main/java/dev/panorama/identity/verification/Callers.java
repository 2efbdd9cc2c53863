package dev.panorama.identity.verification;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its bearer token. */
@RequestScoped
public class Callers {

    private final JsonWebToken token;

    public Callers(JsonWebToken token) {
        this.token = token;
    }

    public Caller current() {
        String subject = token.getSubject() != null ? token.getSubject() : "unknown";
        return new Caller(subject, token.getClaim("preferred_username"), token.getClaim("azp"));
    }
}
