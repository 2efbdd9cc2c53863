package dev.panorama.events.channel;

/** A participant's part in a contact. */
public enum ParticipantRole {
    FROM,
    TO,
    CC,
    AGENT
}
