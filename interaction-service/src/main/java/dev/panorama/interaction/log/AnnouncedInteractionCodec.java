package dev.panorama.interaction.log;

import static dev.panorama.interaction.log.InteractionDocuments.ANNOUNCEMENT;
import static dev.panorama.interaction.log.InteractionDocuments.ATTACHMENTS;
import static dev.panorama.interaction.log.InteractionDocuments.CAMPAIGN_REFERENCE;
import static dev.panorama.interaction.log.InteractionDocuments.CHANNEL;
import static dev.panorama.interaction.log.InteractionDocuments.CONTENT_HASH;
import static dev.panorama.interaction.log.InteractionDocuments.CONVERSATION_ID;
import static dev.panorama.interaction.log.InteractionDocuments.CUSTOMER_ID;
import static dev.panorama.interaction.log.InteractionDocuments.DEDUP_KEY;
import static dev.panorama.interaction.log.InteractionDocuments.DIRECTION;
import static dev.panorama.interaction.log.InteractionDocuments.ID;
import static dev.panorama.interaction.log.InteractionDocuments.NEEDS_RESPONSE;
import static dev.panorama.interaction.log.InteractionDocuments.OCCURRED_AT;
import static dev.panorama.interaction.log.InteractionDocuments.PARTICIPANTS;
import static dev.panorama.interaction.log.InteractionDocuments.RECEIVED_AT;
import static dev.panorama.interaction.log.InteractionDocuments.RELAY_SEQ;
import static dev.panorama.interaction.log.InteractionDocuments.RELAY_STREAM;
import static dev.panorama.interaction.log.InteractionDocuments.RESOLUTION;
import static dev.panorama.interaction.log.InteractionDocuments.ROUTING_HINTS;
import static dev.panorama.interaction.log.InteractionDocuments.SENDER_RECORD;
import static dev.panorama.interaction.log.InteractionDocuments.SUBJECT;
import static dev.panorama.interaction.log.InteractionDocuments.TEXT;
import static dev.panorama.interaction.log.InteractionDocuments.VERSION;
import static dev.panorama.interaction.log.InteractionDocuments.VERSIONS;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.interaction.RoutingHints;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.EncoderContext;

/**
 * Writes a new contact's document field by field, in exactly the layout (names, order, BSON types, nulls) that
 * {@link InteractionDocuments#announced} and {@link InteractionDocuments#position} give a Document: ingestion's insert
 * then skips building a map per document and the generic codec's lookup of a codec for every value. Read back, it is
 * a Document like any other ({@link #decode} is there for completeness).
 */
public final class AnnouncedInteractionCodec implements Codec<AnnouncedInteraction> {

    private static final DocumentCodec DOCUMENTS = new DocumentCodec();
    private static final AnnouncedInteractionCodec CODEC = new AnnouncedInteractionCodec();
    /** Room for a typical contact's document, so that its buffer is not grown while writing. */
    private static final int TYPICAL_SIZE = 2048;
    private static final EncoderContext ENCODING = EncoderContext.builder().build();

    /** The document's BSON, as {@code new RawBsonDocument(document, codec)} gives it, with ASCII strings copied whole. */
    public static RawBsonDocument toBson(AnnouncedInteraction document) {
        AsciiCopyingOutputBuffer buffer = new AsciiCopyingOutputBuffer(TYPICAL_SIZE);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            CODEC.encode(writer, document, ENCODING);
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    @Override
    public Class<AnnouncedInteraction> getEncoderClass() {
        return AnnouncedInteraction.class;
    }

    @Override
    public void encode(BsonWriter writer, AnnouncedInteraction document, EncoderContext context) {
        Interaction interaction = document.interaction();
        ChannelMessage contact = interaction.contact();
        writer.writeStartDocument();
        writer.writeString(ID, document.id());
        string(writer, DEDUP_KEY, document.dedupKey());
        string(writer, CONTENT_HASH, document.contentHash());
        string(writer, CUSTOMER_ID, uuid(interaction.customerId()));
        string(writer, RESOLUTION, interaction.resolution().name());
        string(writer, SENDER_RECORD, interaction.senderRecord());
        string(writer, "sourceSystem", contact.sourceSystem());
        string(writer, "sourceMessageId", contact.sourceMessageId());
        string(writer, CHANNEL, contact.channel().name());
        string(writer, DIRECTION, contact.direction().name());
        date(writer, OCCURRED_AT, contact.occurredAt());
        date(writer, RECEIVED_AT, interaction.receivedAt());
        string(writer, CONVERSATION_ID, interaction.conversationId());
        string(writer, SUBJECT, contact.subject());
        string(writer, TEXT, contact.text());
        participants(writer, contact.participants());
        attachments(writer, contact.attachments());
        string(writer, "language", contact.language());
        string(writer, "intent", contact.intent());
        strings(writer, "requiredSkills", contact.requiredSkills());
        strings(writer, "tags", contact.tags());
        string(writer, "disposition", contact.disposition());
        string(writer, CAMPAIGN_REFERENCE, interaction.campaignReference());
        writer.writeBoolean(NEEDS_RESPONSE, interaction.needsResponse());
        hints(writer, interaction.routingHints());
        writer.writeInt32(VERSION, interaction.version());
        versions(writer, interaction.versions());
        announcement(writer, document.announcement());
        if (document.relayStream() != null) {
            writer.writeString(RELAY_STREAM, document.relayStream());
            writer.writeInt64(RELAY_SEQ, document.relaySeq());
        }
        writer.writeEndDocument();
    }

    @Override
    public AnnouncedInteraction decode(BsonReader reader, DecoderContext context) {
        Document document = DOCUMENTS.decode(reader, context);
        AnnouncedInteraction announced = new AnnouncedInteraction(InteractionDocuments.toInteraction(document),
                document.getString(DEDUP_KEY), document.getString(CONTENT_HASH), InteractionDocuments.announcement(document));
        Number seq = document.get(RELAY_SEQ, Number.class);
        return seq == null ? announced : announced.position(document.getString(RELAY_STREAM), seq.longValue());
    }

    private static void participants(BsonWriter writer, List<Participant> participants) {
        writer.writeStartArray(PARTICIPANTS);
        for (Participant participant : participants) {
            writer.writeStartDocument();
            string(writer, "role", participant.role().name());
            string(writer, "address", participant.address());
            string(writer, "agentId", participant.agentId());
            string(writer, "displayName", participant.displayName());
            writer.writeEndDocument();
        }
        writer.writeEndArray();
    }

    private static void attachments(BsonWriter writer, List<Attachment> attachments) {
        writer.writeStartArray(ATTACHMENTS);
        for (Attachment attachment : attachments) {
            writer.writeStartDocument();
            string(writer, "name", attachment.name());
            string(writer, "mediaType", attachment.mediaType());
            writer.writeInt64("sizeBytes", attachment.sizeBytes());
            string(writer, "location", attachment.location());
            writer.writeEndDocument();
        }
        writer.writeEndArray();
    }

    private static void hints(BsonWriter writer, RoutingHints hints) {
        if (hints == null) {
            writer.writeNull(ROUTING_HINTS);
            return;
        }
        writer.writeStartDocument(ROUTING_HINTS);
        string(writer, "language", hints.language());
        string(writer, "intent", hints.intent());
        strings(writer, "requiredSkills", hints.requiredSkills());
        if (hints.priorityHint() == null) {
            writer.writeNull("priorityHint");
        } else {
            writer.writeInt32("priorityHint", hints.priorityHint());
        }
        writer.writeEndDocument();
    }

    private static void versions(BsonWriter writer, List<InteractionVersion> versions) {
        writer.writeStartArray(VERSIONS);
        for (InteractionVersion version : versions) {
            writer.writeStartDocument();
            writer.writeInt32(VERSION, version.version());
            string(writer, "kind", version.kind().name());
            date(writer, "recordedAt", version.recordedAt());
            string(writer, "recordedBy", version.recordedBy());
            string(writer, CUSTOMER_ID, uuid(version.customerId()));
            string(writer, "disposition", version.disposition());
            strings(writer, "tags", version.tags());
            string(writer, "note", version.note());
            writer.writeEndDocument();
        }
        writer.writeEndArray();
    }

    private static void announcement(BsonWriter writer, PendingEvent event) {
        writer.writeStartDocument(ANNOUNCEMENT);
        string(writer, "id", event.id());
        string(writer, "ceType", event.ceType());
        string(writer, "topic", event.topic());
        string(writer, "key", event.key());
        date(writer, "time", event.time());
        string(writer, "payload", event.payload());
        writer.writeEndDocument();
    }

    private static void strings(BsonWriter writer, String name, List<String> values) {
        if (values == null) {
            writer.writeNull(name);
            return;
        }
        writer.writeStartArray(name);
        for (String value : values) {
            if (value == null) {
                writer.writeNull();
            } else {
                writer.writeString(value);
            }
        }
        writer.writeEndArray();
    }

    private static void string(BsonWriter writer, String name, String value) {
        if (value == null) {
            writer.writeNull(name);
        } else {
            writer.writeString(name, value);
        }
    }

    private static void date(BsonWriter writer, String name, Instant value) {
        if (value == null) {
            writer.writeNull(name);
        } else {
            writer.writeDateTime(name, value.toEpochMilli());
        }
    }

    private static String uuid(UUID id) {
        return id == null ? null : id.toString();
    }
}
