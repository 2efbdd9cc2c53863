package dev.panorama.identity.merge;

import dev.panorama.identity.merge.persistence.ChangeStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/**
 * The change history's share of an erasure: a source id the erasure replaced by a pseudonym (a channel's address, say)
 * is replaced in every change that showed the record, so the history of merges and splits names nobody either.
 */
@ApplicationScoped
public class ErasedSourcesInHistory {

    private final ChangeStore changes;
    private final ChangeLog log;

    ErasedSourcesInHistory(ChangeStore changes, ChangeLog log) {
        this.changes = changes;
        this.log = log;
    }

    /** @param sourceIdByRecord the pseudonym now standing for each record version's source id */
    public Uni<Void> replace(UUID customerId, Map<UUID, String> sourceIdByRecord) {
        if (sourceIdByRecord.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return changes.historyWithMergedOf(customerId)
                .invoke(found -> found.forEach(change -> log.replaceSourceIds(change, sourceIdByRecord)))
                .replaceWithVoid();
    }
}
