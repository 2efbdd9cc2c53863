package dev.panorama.profile.folding;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import java.time.Instant;
import java.util.List;

/**
 * One contact with the customer. What was logged and the latest update (by version) are kept apart, so an
 * update arriving before the contact itself, or an old version arriving late, never rolls anything back.
 */
public record Contact(String interactionId, Logged logged, Update update) implements Entry<Contact> {

    /** @param senderRecord identity's record of the address the contact came from or went to; null when unknown */
    public record Logged(Channel channel, Direction direction, Instant occurredAt, boolean needsResponse,
            String campaignReference, int version, Origin senderRecord) {
    }

    public record Update(int version, String disposition, List<String> tags, String updatedBy, Instant updatedAt) {

        public Update {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    @Override
    public String key() {
        return interactionId;
    }

    /** The record a split moves the contact with, as logged; null until the contact itself arrives. */
    Origin senderRecord() {
        return logged == null ? null : logged.senderRecord();
    }

    @Override
    public Contact join(Contact other) {
        return new Contact(interactionId, Later.ofVersion(logged, other.logged, l -> (long) l.version()),
                Later.ofVersion(update, other.update, u -> (long) u.version()));
    }
}
