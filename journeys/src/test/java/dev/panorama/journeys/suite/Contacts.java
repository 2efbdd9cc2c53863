package dev.panorama.journeys.suite;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.journeys.client.Caller;
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

    /** The same contact as an adapter that knows what it is about delivers it: its intent and the skills it needs. */
    public static ChannelMessage about(ChannelMessage contact, String intent, List<String> requiredSkills) {
        return new ChannelMessage(contact.sourceSystem(), contact.sourceMessageId(), contact.channel(), contact.direction(),
                contact.occurredAt(), contact.participants(), contact.conversationId(), contact.subject(), contact.text(),
                contact.attachments(), contact.language(), intent, requiredSkills, contact.tags(), contact.campaignReference(),
                contact.disposition());
    }

    /**
     * Delivers a contact as a channel adapter does: again when the gateway answered 504 (the service took too long,
     * e.g. on a loaded test machine); ingestion is idempotent on the source message id, so a retry answers 200 with
     * the contact stored first. Answers the interaction id.
     */
    public static String deliver(Caller adapter, ChannelMessage contact) {
        for (int attempt = 1; ; attempt++) {
            Caller.Reply reply = adapter.post("/api/v1/interactions", contact);
            if (reply.status() == 504 && attempt < 3) {
                continue;
            }
            return reply.expect(reply.status() == 200 ? 200 : 201).path("interactionId").asText();
        }
    }
}
