package dev.panorama.interaction.resolution;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.common.SourceRef;
import java.util.Optional;

/**
 * The customer's side of a contact: who wrote in, or to whom we wrote. {@link #recordKey()} names the source record
 * identity-service keeps for this address (system {@code channel-<channel>}, id the address in lower case), which is
 * how a {@code CustomerSplit} says which contacts move.
 */
public record Sender(Channel channel, String address, String displayName) {

    public String recordKey() {
        return recordKey(channel.senderSystem(), address);
    }

    public static String recordKey(String sourceSystem, String sourceId) {
        return sourceSystem + "|" + Channel.senderRecordId(sourceId);
    }

    /** The source record a {@link #recordKey} names, as events carry it (the system names no '|'). */
    public static SourceRef record(String recordKey) {
        int bar = recordKey.indexOf('|');
        return new SourceRef(recordKey.substring(0, bar), recordKey.substring(bar + 1));
    }

    /** The customer's participant: the sender of an inbound contact, the first addressee of an outbound one. */
    public static Optional<Sender> of(ChannelMessage message) {
        ParticipantRole customerSide = message.direction() == Direction.INBOUND ? ParticipantRole.FROM : ParticipantRole.TO;
        return message.participants().stream()
                .filter(participant -> participant.role() == customerSide)
                .filter(participant -> participant.address() != null && !participant.address().isBlank())
                .findFirst()
                .map(participant -> from(message.channel(), participant));
    }

    private static Sender from(Channel channel, Participant participant) {
        return new Sender(channel, participant.address().trim(), participant.displayName());
    }
}
