package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.Resolution;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore.CustomersNow;
import dev.panorama.identity.resolution.persistence.IdentityStore.Neighbour;
import dev.panorama.identity.resolution.persistence.IdentityStore.Neighbourhood;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The customers a resolution's decision links the record to (none for a new customer; the one it matched and those
 * merged into it), with what the decision read of them: their current records and the pairs among them a steward kept
 * apart. The neighbourhood is read without row locks; once these customers are locked, the decision still holds if
 * each is still active with the same records and no other pair of them was kept apart meanwhile.
 */
record LinkedCustomers(Set<UUID> customers, Set<UUID> records, Set<Set<UUID>> keptApart) {

    static LinkedCustomers of(Resolution resolution, Neighbourhood read) {
        if (resolution.decision() != Resolution.Decision.MATCHED) {
            return new LinkedCustomers(Set.of(), Set.of(), Set.of());
        }
        Set<UUID> customers = Stream.concat(Stream.of(resolution.customerId()), resolution.mergedCustomerIds().stream())
                .map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
        Set<UUID> records = read.neighbours().stream().filter(n -> customers.contains(n.customerId()))
                .map(Neighbour::recordId).collect(Collectors.toUnmodifiableSet());
        return new LinkedCustomers(customers, records, pairsAmong(customers, read.keptApart()));
    }

    boolean none() {
        return customers.isEmpty();
    }

    /** Whether what the decision relied on is what the customers, once locked, show as committed now. */
    boolean stillHold(CustomersNow now) {
        return customers.stream().allMatch(id -> CustomerEntity.Status.ACTIVE.name().equals(now.statuses().get(id)))
                && records.equals(now.currentRecords())
                && keptApart.equals(pairsAmong(customers, now.keptApart()));
    }

    private static Set<Set<UUID>> pairsAmong(Set<UUID> customers, Collection<List<UUID>> pairs) {
        return pairs.stream().filter(pair -> customers.containsAll(pair)).map(Set::copyOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
