package dev.panorama.profile.folding;

import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OfferSent;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerCreated;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.interaction.InteractionUpdated;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskCreated;
import dev.panorama.events.source.SourceRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Translates the suite's events into what they mean for profiles; an event lacking what it needs is refused. */
public final class ProfileEvents {

    private ProfileEvents() {
    }

    public static ProfileEvent of(Object event) {
        return switch (event) {
            case CustomerCreated created -> linked(created.customerId(), created.firstRecord(), "NEW", created.createdAt());
            case RecordLinked linked -> linked(linked.customerId(), linked.record(), String.valueOf(linked.decision()), linked.linkedAt());
            case CustomersMerged merged -> new ProfileEvent.Merged(required(merged.survivorId(), "survivorId"), merged.mergedIds());
            case CustomerSplit split -> new ProfileEvent.Split(required(split.originalId(), "originalId"),
                    required(split.newCustomerId(), "newCustomerId"),
                    split.movedRecords().stream().map(Origin::of).collect(Collectors.toUnmodifiableSet()));
            case CustomerErased erased -> new ProfileEvent.Erased(required(erased.customerId(), "customerId"),
                    erased.erasedAt() == null ? Instant.EPOCH : erased.erasedAt());
            case SourceRecord record -> forRecord(record.sourceSystem(), record.sourceId(), state().contacts(List.of(
                    new SourceContact(new Origin(record.sourceSystem(), record.sourceId()), record.updatedAt(), record.name(),
                            record.emails(), record.phones(), record.identifiers()))));
            case AccountUpdated account -> forRecord(account.sourceSystem(), account.customerNumber(), state().holdings(List.of(
                    new Holding(origin(account.sourceSystem(), account.customerNumber()), required(account.accountId(), "accountId"),
                            account.product(), account.lineOfBusiness(), account.status(), account.balance(),
                            account.currency(), account.openedOn(), account.updatedAt()))));
            case OrderPlaced order -> forRecord(order.sourceSystem(), order.customerNumber(), state().purchases(List.of(
                    new Purchase(origin(order.sourceSystem(), order.customerNumber()), required(order.orderId(), "orderId"),
                            order.lines(), order.total(), order.currency(), order.placedAt()))));
            case CaseOpened opened -> forRecord(opened.sourceSystem(), opened.customerNumber(), state().cases(List.of(
                    new ServiceCase(origin(opened.sourceSystem(), opened.customerNumber()), required(opened.caseId(), "caseId"),
                            new ServiceCase.Opened(opened.kind(), opened.subject(), opened.severity(), opened.openedAt()), null))));
            case CaseClosed closed -> forRecord(closed.sourceSystem(), closed.customerNumber(), state().cases(List.of(
                    new ServiceCase(origin(closed.sourceSystem(), closed.customerNumber()), required(closed.caseId(), "caseId"),
                            null, new ServiceCase.Closed(closed.resolution(), closed.closedAt())))));
            case OfferSent offer -> forRecord(offer.sourceSystem(), offer.customerNumber(), state().offers(List.of(
                    new OfferReceived(origin(offer.sourceSystem(), offer.customerNumber()), required(offer.offerId(), "offerId"),
                            offer.campaignId(), offer.campaignReference(), offer.channel(), offer.product(), offer.sentAt()))));
            case InteractionLogged logged -> forCustomer(logged.customerId(), "contact", state().interactions(List.of(
                    new Contact(required(logged.interactionId(), "interactionId").toString(),
                            new Contact.Logged(required(logged.channel(), "channel"), logged.direction(), required(logged.occurredAt(), "occurredAt"), logged.needsResponse(),
                                    logged.campaignReference(), logged.version(),
                                    logged.senderRecord() == null ? null : Origin.of(logged.senderRecord()).asSenderRecord()), null))));
            case InteractionUpdated updated -> forCustomer(updated.customerId(), "contact", state().interactions(List.of(
                    new Contact(required(updated.interactionId(), "interactionId").toString(), null,
                            new Contact.Update(updated.version(), updated.disposition(), updated.tags(), updated.updatedBy(),
                                    updated.updatedAt())))));
            case TaskCreated task -> forCustomer(task.customerId(), "task", state().tasks(List.of(new ServedTask(
                    required(task.taskId(), "taskId").toString(),
                    new ServedTask.Created(task.channel(), task.queueId(), task.priority(), task.createdAt()), null, null))));
            case TaskAssigned task -> forCustomer(task.customerId(), "task", state().tasks(List.of(new ServedTask(
                    required(task.taskId(), "taskId").toString(), null,
                    new ServedTask.Assigned(task.agentId(), task.channel(), task.queueId(), task.assignedAt()), null))));
            case TaskCompleted task -> forCustomer(task.customerId(), "task", state().tasks(List.of(new ServedTask(
                    required(task.taskId(), "taskId").toString(), null, null,
                    new ServedTask.Completed(task.agentId(), task.outcome(), task.disposition(), task.completedAt())))));
            default -> new ProfileEvent.Ignored(event.getClass().getSimpleName() + " says nothing about a customer");
        };
    }

    private static ProfileEvent linked(UUID customerId, SourceRef record, String decision, Instant at) {
        Origin origin = origin(required(record, "record").sourceSystem(), record.sourceId());
        return new ProfileEvent.Linked(required(customerId, "customerId"), origin,
                state().sources(List.of(new SourceLink(origin, decision, at))).build());
    }

    private static ProfileEvent forRecord(String sourceSystem, String customerNumber, StateBuilder facts) {
        return new ProfileEvent.ForSourceRecord(origin(sourceSystem, customerNumber), facts.build());
    }

    private static ProfileEvent forCustomer(UUID customerId, String what, StateBuilder facts) {
        if (customerId == null) {
            return new ProfileEvent.Ignored("a " + what + " of no known customer");
        }
        return new ProfileEvent.ForCustomer(customerId, facts.build());
    }

    private static Origin origin(String sourceSystem, String customerNumber) {
        if (sourceSystem == null || sourceSystem.isBlank() || customerNumber == null || customerNumber.isBlank()) {
            throw new IllegalArgumentException("a back-office fact needs sourceSystem and customerNumber");
        }
        return new Origin(sourceSystem, customerNumber);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("the event lacks " + field);
        }
        return value;
    }

    private static StateBuilder state() {
        return new StateBuilder();
    }

    /** One-fact states, without spelling out eight lists each time. */
    static final class StateBuilder {
        private List<SourceLink> sources;
        private List<SourceContact> contacts;
        private List<Holding> holdings;
        private List<Purchase> purchases;
        private List<ServiceCase> cases;
        private List<OfferReceived> offers;
        private List<Contact> interactions;
        private List<ServedTask> tasks;

        StateBuilder sources(List<SourceLink> value) {
            sources = value;
            return this;
        }

        StateBuilder contacts(List<SourceContact> value) {
            contacts = value;
            return this;
        }

        StateBuilder holdings(List<Holding> value) {
            holdings = value;
            return this;
        }

        StateBuilder purchases(List<Purchase> value) {
            purchases = value;
            return this;
        }

        StateBuilder cases(List<ServiceCase> value) {
            cases = value;
            return this;
        }

        StateBuilder offers(List<OfferReceived> value) {
            offers = value;
            return this;
        }

        StateBuilder interactions(List<Contact> value) {
            interactions = value;
            return this;
        }

        StateBuilder tasks(List<ServedTask> value) {
            tasks = value;
            return this;
        }

        ProfileState build() {
            return new ProfileState(sources, contacts, holdings, purchases, cases, offers, interactions, tasks);
        }
    }
}
