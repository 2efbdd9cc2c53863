package dev.panorama.kit.nativeimage;

import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventType;
import dev.panorama.events.IncomingEvent;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.backoffice.OrderLine;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Attachment;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.events.common.Identifier;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.common.PostalAddress;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerCreated;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.events.interaction.RoutingHints;
import dev.panorama.events.routing.AgentPresence;
import dev.panorama.events.routing.AgentPresenceChanged;
import dev.panorama.events.routing.SkillRequirement;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskCreated;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.events.routing.TaskOutcome;
import dev.panorama.events.source.SourceRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Every event record and enum of the events module, open to reflection in native executables: services
 * write and read them with Jackson outside REST signatures (outbox, Kafka consumers, stored payloads),
 * where Quarkus cannot see them by itself. The deploy checks fail when an event type is missing here.
 */
@RegisterForReflection(targets = {
        EventEnvelope.class,
        EventType.class,
        IncomingEvent.class,
        AccountUpdated.class,
        CaseClosed.class,
        CaseKind.class,
        CaseOpened.class,
        OfferSent.class,
        OrderLine.class,
        OrderPlaced.class,
        Attachment.class,
        Channel.class,
        ChannelMessage.class,
        Direction.class,
        Participant.class,
        ParticipantRole.class,
        Identifier.class,
        PersonName.class,
        PostalAddress.class,
        SourceRef.class,
        CustomerCreated.class,
        CustomerErased.class,
        CustomerSplit.class,
        CustomersMerged.class,
        LinkDecision.class,
        RecordLinked.class,
        InteractionLogged.class,
        InteractionUpdated.class,
        RoutingHints.class,
        AgentPresence.class,
        AgentPresenceChanged.class,
        SkillRequirement.class,
        TaskAssigned.class,
        TaskCompleted.class,
        TaskCreated.class,
        TaskOffered.class,
        TaskOutcome.class,
        SourceRecord.class
})
public final class EventReflection {

    private EventReflection() {
    }
}
