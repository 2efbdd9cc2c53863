package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.IdentityStore.Neighbour;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The neighbourhood of a new record with its customers locked until the resolution commits. The neighbourhood is
 * read and its customers locked in one statement, which sees the records as they were when it began: a steward's
 * merge or split may have committed while it waited for a customer's lock. The locked customers' records are
 * therefore read again, as committed now, and if they are no longer exactly the records read (or a customer is no
 * longer active), the neighbourhood is read again. Once locked, no merge, split or erasure can move a record the
 * resolver is looking at, nor retire the customer it links to.
 */
@ApplicationScoped
class LockedNeighbourhood {

    static final int READS = 5;

    private final IdentityStore store;

    LockedNeighbourhood(IdentityStore store) {
        this.store = store;
    }

    /** The neighbours, and the pairs of their customers a steward kept apart. */
    record Locked(List<Neighbour> neighbours, List<List<UUID>> keptApart) {
    }

    /** @param keys the blocks the new record chose and locked exclusively: candidates come through these only */
    Uni<Locked> of(Set<String> keys) {
        return read(keys, 1);
    }

    private Uni<Locked> read(Set<String> keys, int attempt) {
        return store.lockedNeighbourhood(keys, Resolver.MAX_BLOCK_SIZE)
                .chain(neighbours -> unchangedOnceLocked(neighbours)
                        .chain(locked -> locked != null ? Uni.createFrom().item(locked) : readAgain(keys, attempt)));
    }

    private Uni<Locked> readAgain(Set<String> keys, int attempt) {
        if (attempt == READS) {
            return Uni.createFrom().failure(new NeighbourhoodKeptChanging(READS));
        }
        return read(keys, attempt + 1);
    }

    /** The neighbourhood with its kept-apart pairs if it still holds as committed now, null if it changed. */
    private Uni<Locked> unchangedOnceLocked(List<Neighbour> neighbours) {
        if (neighbours.isEmpty()) {
            return Uni.createFrom().item(new Locked(neighbours, List.of()));
        }
        if (!neighbours.stream().allMatch(Neighbour::customerActive)) {
            return Uni.createFrom().nullItem();
        }
        Set<UUID> customers = neighbours.stream().map(Neighbour::customerId).collect(Collectors.toSet());
        Set<UUID> records = neighbours.stream().map(Neighbour::recordId).collect(Collectors.toSet());
        return store.customersNow(customers)
                .map(now -> records.equals(now.currentRecords()) ? new Locked(neighbours, now.rejectedPairs()) : null);
    }
}
