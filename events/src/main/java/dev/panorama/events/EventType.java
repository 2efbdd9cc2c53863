package dev.panorama.events;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.identity.CustomerCreated;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.events.routing.AgentPresenceChanged;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskCreated;
import dev.panorama.events.routing.TaskOffered;
import dev.panorama.events.source.SourceRecord;
import java.util.Arrays;
import java.util.Optional;

/** Every event of the suite: its record, its topic, its CloudEvents type and its JSON Schema. */
public enum EventType {
    CHANNEL_MESSAGE(ChannelMessage.class, Topics.CHANNEL_INBOUND, "channel"),
    SOURCE_RECORD(SourceRecord.class, Topics.SOURCE_RECORDS, "source"),
    CUSTOMER_CREATED(CustomerCreated.class, Topics.IDENTITY_EVENTS, "identity"),
    RECORD_LINKED(RecordLinked.class, Topics.IDENTITY_EVENTS, "identity"),
    CUSTOMERS_MERGED(CustomersMerged.class, Topics.IDENTITY_EVENTS, "identity"),
    CUSTOMER_SPLIT(CustomerSplit.class, Topics.IDENTITY_EVENTS, "identity"),
    CUSTOMER_ERASED(CustomerErased.class, Topics.IDENTITY_EVENTS, "identity"),
    INTERACTION_LOGGED(InteractionLogged.class, Topics.INTERACTIONS, "interaction"),
    INTERACTION_UPDATED(InteractionUpdated.class, Topics.INTERACTIONS, "interaction"),
    TASK_CREATED(TaskCreated.class, Topics.ROUTING_EVENTS, "routing"),
    TASK_OFFERED(TaskOffered.class, Topics.ROUTING_EVENTS, "routing"),
    TASK_ASSIGNED(TaskAssigned.class, Topics.ROUTING_EVENTS, "routing"),
    TASK_COMPLETED(TaskCompleted.class, Topics.ROUTING_EVENTS, "routing"),
    AGENT_PRESENCE_CHANGED(AgentPresenceChanged.class, Topics.ROUTING_EVENTS, "routing"),
    ACCOUNT_UPDATED(AccountUpdated.class, Topics.BACKOFFICE_EVENTS, "backoffice"),
    ORDER_PLACED(OrderPlaced.class, Topics.BACKOFFICE_EVENTS, "backoffice"),
    CASE_OPENED(CaseOpened.class, Topics.BACKOFFICE_EVENTS, "backoffice"),
    CASE_CLOSED(CaseClosed.class, Topics.BACKOFFICE_EVENTS, "backoffice"),
    OFFER_SENT(OfferSent.class, Topics.BACKOFFICE_EVENTS, "backoffice");

    private final Class<? extends Record> recordType;
    private final String topic;
    private final String ceType;

    EventType(Class<? extends Record> recordType, String topic, String area) {
        this.recordType = recordType;
        this.topic = topic;
        this.ceType = "panorama." + area + "." + recordType.getSimpleName() + ".v1";
    }

    public Class<? extends Record> recordType() {
        return recordType;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code ce_type}, e.g. {@code panorama.identity.CustomersMerged.v1}. */
    public String ceType() {
        return ceType;
    }

    /** Classpath resource of the event's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".schema.json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<?> recordType) {
        return Arrays.stream(values()).filter(type -> type.recordType.equals(recordType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(recordType.getName() + " is not a Panorama event"));
    }
}
