package dev.panorama.events.channel;

import dev.panorama.events.OptionalField;
import java.time.Instant;
import java.util.List;

/**
 * A contact on any channel, as a channel adapter pushes it (topic panorama.channel.inbound).
 * {@code disposition} is the outcome the channel already knows (a call answered, a voicemail left).
 */
public record ChannelMessage(
        String sourceSystem,
        String sourceMessageId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        List<Participant> participants,
        @OptionalField String conversationId,
        @OptionalField String subject,
        @OptionalField String text,
        List<Attachment> attachments,
        @OptionalField String language,
        @OptionalField String intent,
        List<String> requiredSkills,
        List<String> tags,
        @OptionalField String campaignReference,
        @OptionalField String disposition) {

    /** Absent lists read as empty, so consumers never meet null. */
    public ChannelMessage {
        participants = participants == null ? List.of() : List.copyOf(participants);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
