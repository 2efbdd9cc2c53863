package dev.panorama.interaction.timeline;

import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.interaction.RoutingHints;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionVersion;
import dev.panorama.interaction.log.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact as staff see it: everything the channel delivered, the current disposition and tags, and every version
 * with its internal note.
 */
public record InteractionView(UUID interactionId, UUID customerId, Resolution resolution, Channel channel, Direction direction,
        Instant occurredAt, Instant receivedAt, String conversationId, String subject, String text, List<Participant> participants,
        List<Attachment> attachments, String language, String intent, List<String> requiredSkills, String disposition,
        List<String> tags, String sourceSystem, String sourceMessageId, String campaignReference, boolean needsResponse,
        RoutingHints routingHints, int version, List<VersionView> versions) {

    /** One version: who recorded what, when. */
    public record VersionView(int version, InteractionVersion.Kind kind, Instant recordedAt, String recordedBy, UUID customerId,
            String disposition, List<String> tags, String note) {

        static VersionView of(InteractionVersion version) {
            return new VersionView(version.version(), version.kind(), version.recordedAt(), version.recordedBy(), version.customerId(),
                    version.disposition(), version.tags(), version.note());
        }
    }

    public static InteractionView of(Interaction interaction) {
        ChannelMessage contact = interaction.contact();
        InteractionVersion current = interaction.current();
        return new InteractionView(interaction.id(), interaction.customerId(), interaction.resolution(), contact.channel(),
                contact.direction(), contact.occurredAt(), interaction.receivedAt(), interaction.conversationId(), contact.subject(),
                contact.text(), contact.participants(), contact.attachments(), contact.language(), contact.intent(),
                contact.requiredSkills(), current == null ? null : current.disposition(), current == null ? List.of() : current.tags(),
                contact.sourceSystem(), contact.sourceMessageId(), interaction.campaignReference(), interaction.needsResponse(),
                interaction.routingHints(), interaction.version(), interaction.versions().stream().map(VersionView::of).toList());
    }
}
