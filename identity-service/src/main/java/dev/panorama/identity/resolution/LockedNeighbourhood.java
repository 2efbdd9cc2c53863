package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.Resolver;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
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
 * read first and its customers locked after, so a steward's merge or split may have committed in between: then
 * the locked customers no longer hold exactly the records read, and the neighbourhood is read again. Once locked,
 * no merge, split or erasure can move a record the resolver is looking at, nor retire the customer it links to.
 */
@ApplicationScoped
class LockedNeighbourhood {

    static final int READS = 5;

    private final IdentityStore store;

    LockedNeighbourhood(IdentityStore store) {
        this.store = store;
    }

    Uni<List<Neighbour>> of(Set<String> keys) {
        return read(keys, 1);
    }

    private Uni<List<Neighbour>> read(Set<String> keys, int attempt) {
        return store.neighbourhood(keys, Resolver.MAX_BLOCK_SIZE)
                .chain(neighbours -> unchangedOnceLocked(neighbours)
                        .chain(unchanged -> unchanged ? Uni.createFrom().item(neighbours) : readAgain(keys, attempt)));
    }

    private Uni<List<Neighbour>> readAgain(Set<String> keys, int attempt) {
        if (attempt == READS) {
            return Uni.createFrom().failure(new NeighbourhoodKeptChanging(READS));
        }
        return read(keys, attempt + 1);
    }

    private Uni<Boolean> unchangedOnceLocked(List<Neighbour> neighbours) {
        Set<UUID> customers = neighbours.stream().map(Neighbour::customerId).collect(Collectors.toSet());
        Set<UUID> records = neighbours.stream().map(Neighbour::recordId).collect(Collectors.toSet());
        return store.lockCustomers(customers).chain(locked -> allActive(locked, customers)
                ? store.currentRecordIdsOf(customers).map(records::equals)
                : Uni.createFrom().item(false));
    }

    private static boolean allActive(List<CustomerEntity> locked, Set<UUID> wanted) {
        return locked.size() == wanted.size() && locked.stream().allMatch(c -> c.status == CustomerEntity.Status.ACTIVE);
    }
}
