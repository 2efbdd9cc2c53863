package dev.panorama.profile.folding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

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

    /** The facts that came from the given source records; contacts and tasks belong to the customer, not to a record. */
    public ProfileState from(Set<Origin> origins) {
        return filtered(origin -> Entries.movedWith(origin, origins), false);
    }

    /** Everything but the facts that came from the given source records. */
    public ProfileState without(Set<Origin> origins) {
        return filtered(origin -> !Entries.movedWith(origin, origins), true);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return equals(empty());
    }

    private ProfileState filtered(Predicate<Origin> keep, boolean keepCustomerFacts) {
        return new ProfileState(Entries.where(sources, e -> keep.test(e.origin())),
                Entries.where(contacts, e -> keep.test(e.origin())), Entries.where(holdings, e -> keep.test(e.origin())),
                Entries.where(purchases, e -> keep.test(e.origin())), Entries.where(cases, e -> keep.test(e.origin())),
                Entries.where(offers, e -> keep.test(e.origin())), keepCustomerFacts ? interactions : List.of(),
                keepCustomerFacts ? tasks : List.of());
    }

    private static <E> List<E> orEmpty(List<E> list) {
        return list == null ? List.of() : list;
    }
}
