package dev.panorama.profile.folding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Everything known about a customer, as keyed facts. States form a join-semilattice: {@link #join} is
 * commutative, associative and idempotent, so folding events in any order, any number of times, gives one
 * answer, and a merge is the join of the merged profiles.
 */
public record ProfileState(List<SourceLink> sources, List<SourceContact> contacts, List<Holding> holdings,
        List<Purchase> purchases, List<ServiceCase> cases, List<OfferReceived> offers, List<Contact> interactions,
        List<ServedTask> tasks) {

    public ProfileState {
        sources = Entries.sorted(orEmpty(sources));
        contacts = Entries.sorted(orEmpty(contacts));
        holdings = Entries.sorted(orEmpty(holdings));
        purchases = Entries.sorted(orEmpty(purchases));
        cases = Entries.sorted(orEmpty(cases));
        offers = Entries.sorted(orEmpty(offers));
        interactions = Entries.sorted(orEmpty(interactions));
        tasks = Entries.sorted(orEmpty(tasks));
    }

    public static ProfileState empty() {
        return new ProfileState(null, null, null, null, null, null, null, null);
    }

    public ProfileState join(ProfileState other) {
        return new ProfileState(Entries.join(sources, other.sources), Entries.join(contacts, other.contacts),
                Entries.join(holdings, other.holdings), Entries.join(purchases, other.purchases),
                Entries.join(cases, other.cases), Entries.join(offers, other.offers),
                Entries.join(interactions, other.interactions), Entries.join(tasks, other.tasks));
    }

    /**
     * The facts that came from the given source records, and the contacts with the customer through them (their sender
     * records), which interaction-service moves with the records too, so timeline and profile agree after a split.
     */
    public ProfileState from(Set<Origin> origins) {
        Set<Origin> senders = senderRecords(origins);
        return filtered(origin -> Entries.movedWith(origin, origins), contact -> Entries.movedWith(contact.senderRecord(), senders),
                false);
    }

    /** Everything but the facts and contacts {@link #from} gives. */
    public ProfileState without(Set<Origin> origins) {
        Set<Origin> senders = senderRecords(origins);
        return filtered(origin -> !Entries.movedWith(origin, origins), contact -> !Entries.movedWith(contact.senderRecord(), senders),
                true);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(empty());
    }

    // A contact whose sender record is unknown (no address, logged before events named one, only its update in yet) stays.
    // Tasks stay: routing-service keeps them under the customer they served, and no timeline shows them.
    private ProfileState filtered(Predicate<Origin> keep, Predicate<Contact> keepContact, boolean keepTasks) {
        return new ProfileState(Entries.where(sources, e -> keep.test(e.origin())),
                Entries.where(contacts, e -> keep.test(e.origin())), Entries.where(holdings, e -> keep.test(e.origin())),
                Entries.where(purchases, e -> keep.test(e.origin())), Entries.where(cases, e -> keep.test(e.origin())),
                Entries.where(offers, e -> keep.test(e.origin())), Entries.where(interactions, keepContact),
                keepTasks ? tasks : List.of());
    }

    private static Set<Origin> senderRecords(Set<Origin> origins) {
        return origins.stream().map(Origin::asSenderRecord).collect(Collectors.toUnmodifiableSet());
    }

    private static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }
}
