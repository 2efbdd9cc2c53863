package dev.panorama.events.channel;

/** The channels a contact can come through. */
public enum Channel {
    EMAIL,
    LETTER,
    PHONE,
    SMS,
    SOCIAL,
    WEB,
    CHAT,
    FAX,
    VIDEO,
    IN_PERSON,
    OTHER
}
