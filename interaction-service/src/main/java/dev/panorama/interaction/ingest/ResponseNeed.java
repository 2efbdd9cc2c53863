package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.interaction.RoutingHints;
import java.util.Set;

/**
 * Whether a contact waits for an answer, and what routing should know to give it one. A contact the customer sent
 * that no agent took part in and that has no outcome yet waits; one on a live channel waits most urgently.
 */
public final class ResponseNeed {

    static final int LIVE_PRIORITY = 1;
    static final int WRITTEN_PRIORITY = 3;

    private final Set<String> liveChannels;

    public ResponseNeed(Set<String> liveChannels) {
        this.liveChannels = Set.copyOf(liveChannels);
    }

    public boolean needsResponse(ChannelMessage message) {
        boolean agentTookPart = message.participants().stream().anyMatch(participant -> participant.role() == ParticipantRole.AGENT);
        return message.direction() == Direction.INBOUND && !agentTookPart && message.disposition() == null;
    }

    /** Hints for routing; absent when nothing waits. */
    public RoutingHints hints(ChannelMessage message) {
        if (!needsResponse(message)) {
            return null;
        }
        int priority = liveChannels.contains(message.channel().name()) ? LIVE_PRIORITY : WRITTEN_PRIORITY;
        return new RoutingHints(message.language(), message.intent(), message.requiredSkills(), priority);
    }
}
