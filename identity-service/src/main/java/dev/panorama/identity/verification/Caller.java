package dev.panorama.identity.verification;

/** Who is asking, as the bearer token says: what the audit trail keeps. */
public record Caller(String subject, String name, String client) {
}
