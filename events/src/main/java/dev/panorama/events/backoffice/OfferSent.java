package dev.panorama.events.backoffice;

import dev.panorama.events.OptionalField;
import dev.panorama.events.channel.Channel;
import java.time.Instant;

/** Marketing sent an offer to a customer. */
public record OfferSent(
        String sourceSystem,
        String customerNumber,
        String offerId,
        String campaignId,
        @OptionalField String campaignReference,
        Channel channel,
        @OptionalField String product,
        Instant sentAt) {
}
