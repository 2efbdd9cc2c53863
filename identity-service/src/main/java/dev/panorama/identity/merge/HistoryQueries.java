package dev.panorama.identity.merge;

import dev.panorama.identity.customers.UnknownCustomer;

import dev.panorama.identity.merge.persistence.ChangeStore;
import dev.panorama.identity.merge.persistence.IdentityChangeEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A customer's history of merges, splits and undos, newest first. */
@ApplicationScoped
public class HistoryQueries {

    private final IdentityStore store;
    private final ChangeStore changes;
    private final ChangeLog log;

    HistoryQueries(IdentityStore store, ChangeStore changes, ChangeLog log) {
        this.store = store;
        this.changes = changes;
        this.log = log;
    }

    @WithSession
    public Uni<List<ChangeView>> historyOf(UUID customerId) {
        return store.customer(customerId)
                .onItem().ifNull().failWith(() -> new UnknownCustomer(customerId))
                .chain(() -> changes.historyOf(customerId))
                .chain(history -> changes.undosOf(history.stream().map(c -> c.id).toList()).map(undos -> {
                    Map<UUID, UUID> undoneBy = undos.stream().collect(Collectors.toMap(u -> u.undoes, u -> u.id));
                    return history.stream().map(entity -> view(entity, undoneBy)).toList();
                }));
    }

    private ChangeView view(IdentityChangeEntity entity, Map<UUID, UUID> undoneBy) {
        return ChangeView.of(log.read(entity), undoneBy.get(entity.id));
    }
}
