package dev.panorama.interaction.ingest;

import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionVersion;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.resolution.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Turns a contact as delivered into the interaction stored and the event announcing it. */
public final class NewInteraction {

    private final ResponseNeed responseNeed;
    private final OfferReferences offers;

    public NewInteraction(ResponseNeed responseNeed, OfferReferences offers) {
        this.responseNeed = responseNeed;
        this.offers = offers;
    }

    /**
     * @param customerId the resolved customer, or null
     * @param resolution how far the customer is known
     */
    public Interaction of(ChannelMessage contact, UUID id, UUID customerId, Resolution resolution, Instant receivedAt) {
        return of(contact, id, customerId, resolution, receivedAt, Sender.of(contact).map(Sender::recordKey).orElse(null));
    }

    /** @param senderRecord the contact's {@link Sender#recordKey()}, where the caller has it already; null without a sender */
    public Interaction of(ChannelMessage contact, UUID id, UUID customerId, Resolution resolution, Instant receivedAt, String senderRecord) {
        String conversationId = contact.conversationId() == null || contact.conversationId().isBlank() ? id.toString() : contact.conversationId();
        InteractionVersion first = new InteractionVersion(1, InteractionVersion.Kind.INGESTED, receivedAt, contact.sourceSystem(),
                customerId, contact.disposition(), contact.tags(), null);
        return new Interaction(id, customerId, resolution, senderRecord, contact, conversationId, offers.referenceOf(contact),
                responseNeed.needsResponse(contact), responseNeed.hints(contact), receivedAt, List.of(first));
    }

    public static InteractionLogged logged(Interaction interaction) {
        ChannelMessage contact = interaction.contact();
        return new InteractionLogged(interaction.id(), interaction.customerId(), interaction.conversationId(), contact.channel(),
                contact.direction(), contact.occurredAt(), contact.sourceSystem(),
                Optional.ofNullable(contact.sourceMessageId()).orElse(interaction.id().toString()),
                interaction.needsResponse(), interaction.routingHints(), interaction.current().tags(), interaction.campaignReference(),
                interaction.version(), interaction.senderRecord() == null ? null : Sender.record(interaction.senderRecord()));
    }

    /** The Kafka key of an interaction's events: its customer, or itself while the customer is unknown. */
    public static String keyOf(Interaction interaction) {
        return interaction.customerId() != null ? interaction.customerId().toString() : interaction.id().toString();
    }
}
