package dev.panorama.interaction.timeline;

import static dev.panorama.interaction.log.InteractionDocuments.*;
import static dev.panorama.interaction.timeline.BsonValues.*;

import com.mongodb.client.model.Projections;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.interaction.timeline.CustomerInteractionView.AttachmentName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.conversions.Bson;

/**
 * Reads a stored interaction's BSON straight into the {@link CustomerInteractionView} a customer is answered with;
 * MongoDB sends only what that view shows, so internal notes, tags and routing never leave the database for it.
 */
public final class CustomerInteractionViewDecoder implements Codec<CustomerInteractionView> {

    /** The top-level fields the view shows: what a page asks MongoDB for. */
    public static final List<String> FIELDS = List.of(ID, CHANNEL, DIRECTION, OCCURRED_AT, CONVERSATION_ID, SUBJECT, TEXT, ATTACHMENTS);

    public static final Bson PROJECTION = Projections.include(FIELDS);

    @Override
    public CustomerInteractionView decode(BsonReader reader, DecoderContext context) {
        UUID id = null;
        Channel channel = null;
        Direction direction = null;
        Instant occurredAt = null;
        String conversationId = null;
        String subject = null;
        String text = null;
        List<AttachmentName> attachments = List.of();
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            switch (reader.readName()) {
                case ID -> id = uuid(reader);
                case CHANNEL -> channel = enumValue(reader, Channel.class);
                case DIRECTION -> direction = enumValue(reader, Direction.class);
                case OCCURRED_AT -> occurredAt = instant(reader);
                case CONVERSATION_ID -> conversationId = string(reader);
                case SUBJECT -> subject = string(reader);
                case TEXT -> text = string(reader);
                case ATTACHMENTS -> attachments = list(reader, CustomerInteractionViewDecoder::attachmentName);
                default -> reader.skipValue();
            }
        }
        reader.readEndDocument();
        return new CustomerInteractionView(id, channel, direction, occurredAt, conversationId, subject, text, attachments);
    }

    private static AttachmentName attachmentName(BsonReader reader) {
        return AttachmentName.of(InteractionViewDecoder.attachment(reader));
    }

    @Override
    public void encode(BsonWriter writer, CustomerInteractionView value, EncoderContext context) {
        throw new UnsupportedOperationException("a view is read, never stored");
    }

    @Override
    public Class<CustomerInteractionView> getEncoderClass() {
        return CustomerInteractionView.class;
    }
}
