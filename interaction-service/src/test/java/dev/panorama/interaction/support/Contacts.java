package dev.panorama.interaction.support;

import dev.panorama.events.EventJson;
import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Contacts with unique ids and addresses per test run. */
public final class Contacts {

    private Contacts() {
    }

    public static String uniqueAddress() {
        return "c" + UUID.randomUUID().toString().substring(0, 12) + "@mail.example";
    }

    public static ChannelMessage inbound(Channel channel, String from, Instant at) {
        return contact(channel, Direction.INBOUND, from, at, null, "Question about my bill", "Hello, my invoice looks wrong.");
    }

    public static ChannelMessage contact(Channel channel, Direction direction, String customerAddress, Instant at, String conversationId,
            String subject, String text) {
        ParticipantRole customerSide = direction == Direction.INBOUND ? ParticipantRole.FROM : ParticipantRole.TO;
        ParticipantRole ourSide = direction == Direction.INBOUND ? ParticipantRole.TO : ParticipantRole.FROM;
        return new ChannelMessage("adapter-" + channel.name().toLowerCase(), "m-" + UUID.randomUUID(), channel, direction, at,
                List.of(new Participant(customerSide, customerAddress, null, "Some Customer"),
                        new Participant(ourSide, "service@panorama.example", null, null)),
                conversationId, subject, text,
                List.of(new Attachment("invoice.pdf", "application/pdf", 2048, "s3://mail/att/" + UUID.randomUUID())),
                "en", "billing", List.of("billing"), List.of("inbox"), null, null);
    }

    public static String json(Object contact) {
        try {
            return EventJson.mapper().writeValueAsString(contact);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
