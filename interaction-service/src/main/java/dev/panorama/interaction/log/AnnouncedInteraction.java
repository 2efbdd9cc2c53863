package dev.panorama.interaction.log;

import java.time.temporal.ChronoUnit;

/**
 * A new contact's document as ingestion inserts it: the interaction with its dedup key, content hash, announcement
 * (InteractionLogged) and, once {@link #position positioned}, its place in a relay stream. Written straight to BSON by
 * {@link AnnouncedInteractionCodec} in the layout of {@link InteractionDocuments#announced} and
 * {@link InteractionDocuments#position}, with no Document built in between.
 */
public final class AnnouncedInteraction {

    private final Interaction interaction;
    private final String id;
    private final String dedupKey;
    private final String contentHash;
    private final PendingEvent announcement;
    private String relayStream;
    private long relaySeq;

    public AnnouncedInteraction(Interaction interaction, String dedupKey, String contentHash, PendingEvent announcement) {
        this.interaction = interaction;
        this.id = interaction.id().toString();
        this.dedupKey = dedupKey;
        this.contentHash = contentHash;
        // as stored (BSON keeps milliseconds): the relay then sends the same time a sweep reading the document would
        this.announcement = new PendingEvent(announcement.id(), announcement.ceType(), announcement.topic(), announcement.key(),
                announcement.time().truncatedTo(ChronoUnit.MILLIS), announcement.payload());
    }

    /** Places the announcement in a relay stream (a checkpoint of that stream says whether it was relayed). */
    public AnnouncedInteraction position(String stream, long seq) {
        this.relayStream = stream;
        this.relaySeq = seq;
        return this;
    }

    public Interaction interaction() {
        return interaction;
    }

    /** The document's {@code _id}. */
    public String id() {
        return id;
    }

    public String dedupKey() {
        return dedupKey;
    }

    public String contentHash() {
        return contentHash;
    }

    public PendingEvent announcement() {
        return announcement;
    }

    /** Null until positioned. */
    public String relayStream() {
        return relayStream;
    }

    public long relaySeq() {
        return relaySeq;
    }
}
