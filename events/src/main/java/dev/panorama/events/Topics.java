package dev.panorama.events;

/** The Kafka topics of the suite (design doc), each keyed by customer id where one is known. */
public final class Topics {

    public static final String CHANNEL_INBOUND = "panorama.channel.inbound";
    public static final String SOURCE_RECORDS = "panorama.source-records";
    public static final String IDENTITY_EVENTS = "panorama.identity.events";
    public static final String INTERACTIONS = "panorama.interactions";
    public static final String ROUTING_EVENTS = "panorama.routing.events";
    public static final String BACKOFFICE_EVENTS = "panorama.backoffice.events";

    private Topics() {
    }

    /** The dead-letter topic of a topic: where its consumer puts what it cannot process. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
