package dev.panorama.interaction.log;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.interaction.RoutingHints;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;

/**
 * How an interaction is laid out in its MongoDB document: the contact's fields at the top, versions and pending events
 * in arrays. A document stored by ingestion carries its InteractionLogged as its {@link #ANNOUNCEMENT} with a relay
 * position ({@link #RELAY_STREAM}, {@link #RELAY_SEQ}) instead of a pending event: the relay then never rewrites it.
 */
public final class InteractionDocuments {

    public static final String ID = "_id";
    public static final String DEDUP_KEY = "dedupKey";
    public static final String CONTENT_HASH = "contentHash";
    public static final String CUSTOMER_ID = "customerId";
    public static final String FORMER_CUSTOMER_IDS = "formerCustomerIds";
    public static final String RESOLUTION = "resolution";
    public static final String SENDER_RECORD = "senderRecord";
    public static final String CHANNEL = "channel";
    public static final String DIRECTION = "direction";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String RECEIVED_AT = "receivedAt";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String SUBJECT = "subject";
    public static final String TEXT = "text";
    public static final String PARTICIPANTS = "participants";
    public static final String ATTACHMENTS = "attachments";
    public static final String CAMPAIGN_REFERENCE = "campaignReference";
    public static final String NEEDS_RESPONSE = "needsResponse";
    public static final String ROUTING_HINTS = "routingHints";
    public static final String VERSION = "version";
    public static final String VERSIONS = "versions";
    public static final String PENDING = "pending";
    public static final String PENDING_ID = "pending.id";
    public static final String ANNOUNCEMENT = "announcement";
    public static final String RELAY_STREAM = "relayStream";
    public static final String RELAY_SEQ = "relaySeq";

    private InteractionDocuments() {
    }

    /** The document of a new contact announced by {@code announcement}, relayed once positioned ({@link #position}). */
    public static Document announced(Interaction interaction, String dedupKey, String contentHash, PendingEvent announcement) {
        return toDocument(interaction, dedupKey, contentHash, List.of()).append(ANNOUNCEMENT, pending(announcement));
    }

    /** Places the document's announcement in a relay stream (a checkpoint of that stream says whether it was relayed). */
    public static Document position(Document document, String stream, long seq) {
        return document.append(RELAY_STREAM, stream).append(RELAY_SEQ, seq);
    }

    /** The announcement of a document stored by ingestion; null for others, and once erased. */
    public static PendingEvent announcement(Document document) {
        Document event = document.get(ANNOUNCEMENT, Document.class);
        return event == null ? null : pendingEvent(event);
    }

    /** Without pending events the document has no {@link #PENDING} array, so the sparse index on it stays small. */
    public static Document toDocument(Interaction interaction, String dedupKey, String contentHash, List<PendingEvent> pending) {
        ChannelMessage contact = interaction.contact();
        Document document = new Document(ID, interaction.id().toString())
                .append(DEDUP_KEY, dedupKey)
                .append(CONTENT_HASH, contentHash)
                .append(CUSTOMER_ID, string(interaction.customerId()))
                .append(RESOLUTION, interaction.resolution().name())
                .append(SENDER_RECORD, interaction.senderRecord())
                .append("sourceSystem", contact.sourceSystem())
                .append("sourceMessageId", contact.sourceMessageId())
                .append(CHANNEL, contact.channel().name())
                .append(DIRECTION, contact.direction().name())
                .append(OCCURRED_AT, Date.from(contact.occurredAt()))
                .append(RECEIVED_AT, Date.from(interaction.receivedAt()))
                .append(CONVERSATION_ID, interaction.conversationId())
                .append(SUBJECT, contact.subject())
                .append(TEXT, contact.text())
                .append(PARTICIPANTS, contact.participants().stream().map(InteractionDocuments::participant).toList())
                .append(ATTACHMENTS, contact.attachments().stream().map(InteractionDocuments::attachment).toList())
                .append("language", contact.language())
                .append("intent", contact.intent())
                .append("requiredSkills", contact.requiredSkills())
                .append("tags", contact.tags())
                .append("disposition", contact.disposition())
                .append(CAMPAIGN_REFERENCE, interaction.campaignReference())
                .append(NEEDS_RESPONSE, interaction.needsResponse())
                .append(ROUTING_HINTS, hints(interaction.routingHints()))
                .append(VERSION, interaction.version())
                .append(VERSIONS, interaction.versions().stream().map(InteractionDocuments::version).toList());
        return pending.isEmpty() ? document : document.append(PENDING, pending.stream().map(InteractionDocuments::pending).toList());
    }

    public static Interaction toInteraction(Document document) {
        ChannelMessage contact = new ChannelMessage(document.getString("sourceSystem"), document.getString("sourceMessageId"),
                Channel.valueOf(document.getString(CHANNEL)), Direction.valueOf(document.getString(DIRECTION)),
                instant(document.getDate(OCCURRED_AT)),
                documents(document, PARTICIPANTS).stream().map(InteractionDocuments::participant).toList(),
                document.getString(CONVERSATION_ID), document.getString(SUBJECT), document.getString(TEXT),
                documents(document, ATTACHMENTS).stream().map(InteractionDocuments::attachment).toList(),
                document.getString("language"), document.getString("intent"), strings(document, "requiredSkills"),
                strings(document, "tags"), document.getString(CAMPAIGN_REFERENCE), document.getString("disposition"));
        return new Interaction(UUID.fromString(document.getString(ID)), uuid(document.getString(CUSTOMER_ID)),
                Resolution.valueOf(document.getString(RESOLUTION)), document.getString(SENDER_RECORD), contact,
                document.getString(CONVERSATION_ID), document.getString(CAMPAIGN_REFERENCE),
                Boolean.TRUE.equals(document.getBoolean(NEEDS_RESPONSE)), hints(document.get(ROUTING_HINTS, Document.class)),
                instant(document.getDate(RECEIVED_AT)),
                documents(document, VERSIONS).stream().map(InteractionDocuments::version).toList());
    }

    public static Document version(InteractionVersion version) {
        return new Document(VERSION, version.version())
                .append("kind", version.kind().name())
                .append("recordedAt", Date.from(version.recordedAt()))
                .append("recordedBy", version.recordedBy())
                .append(CUSTOMER_ID, string(version.customerId()))
                .append("disposition", version.disposition())
                .append("tags", version.tags())
                .append("note", version.note());
    }

    public static Document pending(PendingEvent event) {
        return new Document("id", event.id()).append("ceType", event.ceType()).append("topic", event.topic())
                .append("key", event.key()).append("time", Date.from(event.time())).append("payload", event.payload());
    }

    public static List<PendingEvent> pendingEvents(Document document) {
        return documents(document, PENDING).stream().map(InteractionDocuments::pendingEvent).toList();
    }

    private static PendingEvent pendingEvent(Document event) {
        return new PendingEvent(event.getString("id"), event.getString("ceType"), event.getString("topic"), event.getString("key"),
                instant(event.getDate("time")), event.getString("payload"));
    }

    private static InteractionVersion version(Document document) {
        return new InteractionVersion(document.getInteger(VERSION), InteractionVersion.Kind.valueOf(document.getString("kind")),
                instant(document.getDate("recordedAt")), document.getString("recordedBy"), uuid(document.getString(CUSTOMER_ID)),
                document.getString("disposition"), strings(document, "tags"), document.getString("note"));
    }

    private static Document participant(Participant participant) {
        return new Document("role", participant.role().name()).append("address", participant.address())
                .append("agentId", participant.agentId()).append("displayName", participant.displayName());
    }

    private static Participant participant(Document document) {
        return new Participant(ParticipantRole.valueOf(document.getString("role")), document.getString("address"),
                document.getString("agentId"), document.getString("displayName"));
    }

    private static Document attachment(Attachment attachment) {
        return new Document("name", attachment.name()).append("mediaType", attachment.mediaType())
                .append("sizeBytes", attachment.sizeBytes()).append("location", attachment.location());
    }

    private static Attachment attachment(Document document) {
        Number size = document.get("sizeBytes", Number.class);
        return new Attachment(document.getString("name"), document.getString("mediaType"), size == null ? 0 : size.longValue(),
                document.getString("location"));
    }

    private static Document hints(RoutingHints hints) {
        return hints == null ? null : new Document("language", hints.language()).append("intent", hints.intent())
                .append("requiredSkills", hints.requiredSkills()).append("priorityHint", hints.priorityHint());
    }

    private static RoutingHints hints(Document document) {
        return document == null ? null : new RoutingHints(document.getString("language"), document.getString("intent"),
                strings(document, "requiredSkills"), document.getInteger("priorityHint"));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> documents(Document document, String field) {
        List<Document> values = (List<Document>) document.get(field, List.class);
        return values == null ? List.of() : values;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Document document, String field) {
        List<String> values = (List<String>) document.get(field, List.class);
        return values == null ? List.of() : values;
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
