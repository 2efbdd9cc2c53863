package dev.panorama.interaction.timeline;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.interaction.log.Interaction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact as the customer sees it in a self-service portal: what was said and sent, never internal notes, tags,
 * dispositions, agent ids or routing.
 */
public record CustomerInteractionView(UUID interactionId, Channel channel, Direction direction, Instant occurredAt,
        String conversationId, String subject, String text, List<AttachmentName> attachments) {

    /** An attachment's name and kind; where staff keep the bytes stays internal. */
    public record AttachmentName(String name, String mediaType, long sizeBytes) {

        static AttachmentName of(Attachment attachment) {
            return new AttachmentName(attachment.name(), attachment.mediaType(), attachment.sizeBytes());
        }
    }

    public static CustomerInteractionView of(Interaction interaction) {
        return new CustomerInteractionView(interaction.id(), interaction.contact().channel(), interaction.contact().direction(),
                interaction.contact().occurredAt(), interaction.conversationId(), interaction.contact().subject(),
                interaction.contact().text(), interaction.contact().attachments().stream().map(AttachmentName::of).toList());
    }
}
