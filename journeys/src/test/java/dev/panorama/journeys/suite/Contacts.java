package dev.panorama.journeys.suite;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Contacts as the contact centre's channel adapters deliver them (one source system for every channel). */
public final class Contacts {

    private Contacts() {
    }

    /**
     * A contact from the customer.
     *
     * @param agentId the agent who took part, or null
     */
    public static ChannelMessage inbound(Channel channel, String messageId, Instant at, String from, String displayName,
            String conversationId, String subject, String text, String agentId) {
        List<Participant> participants = new ArrayList<>(List.of(new Participant(ParticipantRole.FROM, from, null, displayName)));
        if (agentId != null) {
            participants.add(new Participant(ParticipantRole.AGENT, null, agentId, null));
        }
        return new ChannelMessage("contact-centre", messageId, channel, Direction.INBOUND, at,
                participants, conversationId, subject, text, List.of(), "en", null, List.of(), List.of(), null, null);
    }
}
