package dev.panorama.interaction.ingest;

import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.log.AnnouncedInteraction;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.publishing.AnnouncementRelay;
import dev.panorama.interaction.resolution.IdentityUnavailable;
import dev.panorama.interaction.resolution.Sender;
import dev.panorama.interaction.resolution.SenderCache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Stores contacts, each once however often it is delivered: resolves their senders (each distinct sender once,
 * through the cache), inserts what is new in one write, and relays the announcements the documents carry. A sender
 * identity-service cannot resolve now is stored unresolved for the reconciler; ingestion never waits for identity
 * beyond one timeout.
 */
@ApplicationScoped
public class IngestService {

    private final InteractionLog log;
    private final SenderCache senders;
    private final AnnouncementRelay relay;
    private final NewInteraction newInteraction;
    private final int resolveConcurrency;

    public IngestService(InteractionLog log, SenderCache senders, AnnouncementRelay relay, InteractionConfig config) {
        this.log = log;
        this.senders = senders;
        this.relay = relay;
        this.newInteraction = new NewInteraction(new ResponseNeed(config.ingest().liveChannels()),
                new OfferReferences(config.ingest().offerReferencePattern()));
        this.resolveConcurrency = config.identity().concurrency();
    }

    /** A contact with what is worked out once for it: its keys, and its sender (null without one) and that sender's record. */
    private record Keyed(Contact contact, String dedupKey, String contentHash, Sender sender, String senderRecord) {

        static Keyed of(Contact contact) {
            Sender sender = Sender.of(contact.message()).orElse(null);
            return new Keyed(contact, Idempotency.keyOf(contact.message(), contact.idempotencyKey()), Idempotency.contentHashOf(contact.message()),
                    sender, sender == null ? null : sender.recordKey());
        }
    }

    private record SenderCustomer(UUID customerId, Resolution resolution) {

        static final SenderCustomer NOBODY = new SenderCustomer(null, Resolution.UNRESOLVABLE);
    }

    /** Answers one outcome per contact, in the order given. */
    public Uni<List<IngestOutcome>> ingest(List<Contact> contacts) {
        Instant now = Instant.now();
        List<Keyed> keyed = new ArrayList<>(contacts.size());
        contacts.forEach(contact -> keyed.add(Keyed.of(contact)));
        return resolveSenders(keyed).chain(customers -> store(keyed, customers, now));
    }

    private Uni<Map<String, SenderCustomer>> resolveSenders(List<Keyed> keyed) {
        Map<String, Sender> distinct = new LinkedHashMap<>();
        for (Keyed contact : keyed) {
            if (contact.sender() != null) {
                distinct.putIfAbsent(contact.senderRecord(), contact.sender());
            }
        }
        // senders the cache knows need no call and no asynchronous step each
        Map<String, SenderCustomer> known = new HashMap<>();
        List<Sender> unknown = new ArrayList<>();
        distinct.forEach((recordKey, sender) -> {
            UUID customer = senders.known(recordKey);
            if (customer != null) {
                known.put(recordKey, new SenderCustomer(customer, Resolution.RESOLVED));
            } else {
                unknown.add(sender);
            }
        });
        if (unknown.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        return Multi.createFrom().iterable(unknown)
                .onItem().transformToUni(sender -> resolve(sender).map(customer -> Map.entry(sender.recordKey(), customer)))
                .merge(resolveConcurrency)
                .collect().in(() -> known, (all, resolved) -> all.put(resolved.getKey(), resolved.getValue()));
    }

    private Uni<SenderCustomer> resolve(Sender sender) {
        return senders.customerOf(sender)
                .map(customer -> customer.map(id -> new SenderCustomer(id, Resolution.RESOLVED)).orElse(SenderCustomer.NOBODY))
                .onFailure(IdentityUnavailable.class).recoverWithItem(new SenderCustomer(null, Resolution.UNRESOLVED));
    }

    private Uni<List<IngestOutcome>> store(List<Keyed> keyed, Map<String, SenderCustomer> customers, Instant now) {
        Map<String, Interaction> byKey = new LinkedHashMap<>();
        List<AnnouncedInteraction> all = new ArrayList<>(keyed.size());
        for (Keyed contact : keyed) {
            if (!byKey.containsKey(contact.dedupKey())) {
                Interaction interaction = interactionOf(contact, customers, now);
                byKey.put(contact.dedupKey(), interaction);
                all.add(new AnnouncedInteraction(interaction, contact.dedupKey(), contact.contentHash(),
                        PendingEvent.of(NewInteraction.logged(interaction), NewInteraction.keyOf(interaction), now)));
            }
        }
        return relay.position(all)
                .chain(() -> log.insertAnnounced(all)
                        .onFailure().invoke(failure -> relay.insertFailed(all))
                        .onCancellation().invoke(() -> relay.insertFailed(all)))
                .call(inserted -> relay.relayInBackground(all, inserted))
                .chain(inserted -> outcomes(keyed, byKey, inserted));
    }

    private Interaction interactionOf(Keyed contact, Map<String, SenderCustomer> customers, Instant now) {
        SenderCustomer customer = contact.senderRecord() == null ? SenderCustomer.NOBODY : customers.get(contact.senderRecord());
        UUID id = Ids.timeOrdered(now.toEpochMilli());
        return newInteraction.of(contact.contact().message(), id, customer.customerId(), customer.resolution(), now, contact.senderRecord());
    }

    private Uni<List<IngestOutcome>> outcomes(List<Keyed> keyed, Map<String, Interaction> byKey, Set<String> inserted) {
        List<String> storedBefore = byKey.entrySet().stream()
                .filter(entry -> !inserted.contains(entry.getValue().id().toString()))
                .map(Map.Entry::getKey).toList();
        Uni<Map<String, Document>> earlier = storedBefore.isEmpty() ? Uni.createFrom().item(Map.of())
                : log.byDedupKeys(storedBefore).map(found -> found.stream()
                        .collect(Collectors.toMap(document -> document.getString(InteractionDocuments.DEDUP_KEY), Function.identity())));
        return earlier.map(existing -> {
            List<IngestOutcome> outcomes = new ArrayList<>();
            Map<String, Boolean> firstSeen = new LinkedHashMap<>();
            for (Keyed contact : keyed) {
                boolean first = firstSeen.putIfAbsent(contact.dedupKey(), true) == null;
                outcomes.add(Optional.ofNullable(existing.get(contact.dedupKey()))
                        .map(document -> duplicateOf(document, contact))
                        .orElseGet(() -> createdOrRepeated(byKey.get(contact.dedupKey()), first)));
            }
            return outcomes;
        });
    }

    private static IngestOutcome createdOrRepeated(Interaction interaction, boolean first) {
        return new IngestOutcome(interaction.id(), interaction.customerId(), interaction.resolution(), first, false);
    }

    private static IngestOutcome duplicateOf(Document stored, Keyed contact) {
        Interaction interaction = InteractionDocuments.toInteraction(stored);
        boolean conflicting = stored.getString(InteractionDocuments.CONTENT_HASH) != null
                && !stored.getString(InteractionDocuments.CONTENT_HASH).equals(contact.contentHash());
        return new IngestOutcome(interaction.id(), interaction.customerId(), interaction.resolution(), false, conflicting);
    }
}
