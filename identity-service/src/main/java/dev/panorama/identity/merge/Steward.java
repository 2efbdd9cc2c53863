package dev.panorama.identity.merge;

/** The person making a change: who is recorded as its actor, and whether they may override merge protection. */
public record Steward(String name, boolean admin) {
}
