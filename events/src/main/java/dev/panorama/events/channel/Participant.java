package dev.panorama.events.channel;

import dev.panorama.events.OptionalField;

/** Someone taking part in a contact, as the channel saw them: an address, number or handle, or an agent. */
public record Participant(
        ParticipantRole role,
        @OptionalField String address,
        @OptionalField String agentId,
        @OptionalField String displayName) {
}
