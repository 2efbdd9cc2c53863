package dev.panorama.profile.folding;

import dev.panorama.events.channel.Channel;
import java.time.Instant;

/** A marketing offer sent to the customer. */
public record OfferReceived(Origin origin, String offerId, String campaignId, String campaignReference, Channel channel,
        String product, Instant sentAt) implements Entry<OfferReceived> {

    @Override
    public String key() {
        return Entries.key(origin.key(), offerId);
    }

    @Override
    public OfferReceived join(OfferReceived other) {
        return Later.of(this, other, OfferReceived::sentAt);
    }
}
