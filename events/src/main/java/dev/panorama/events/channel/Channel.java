package dev.panorama.events.channel;

import java.util.Locale;

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
    OTHER;

    private static final String SENDER_SYSTEM = "channel-";

    /**
     * The source system identity-service keeps a sender of this channel under ({@code channel-email}): the record's id
     * is the sender's address, so it says how the customer wrote, not that they hold an account.
     */
    public String senderSystem() {
        return SENDER_SYSTEM + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The id of a sender's record under {@link #senderSystem()}: the address, trimmed, in lower case, so that each way a
     * sender is named (identity storing it, interaction-service keying contacts by it, profile-service moving them on a
     * split) compares the same.
     */
    public static String senderRecordId(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether a source system is a channel's senders ({@link #senderSystem()}) rather than a back-office system. */
    public static boolean isSenderSystem(String sourceSystem) {
        return sourceSystem != null && sourceSystem.startsWith(SENDER_SYSTEM);
    }
}
