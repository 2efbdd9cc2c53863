package dev.panorama.identity.merge;

import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.MergeHistoryEntity;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import dev.panorama.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one place where customers are merged, automatically or by staff: the merged customers keep their
 * rows (MERGED, pointing at the survivor), their records move to the survivor, the change is logged with
 * the records each side held, and CustomersMerged leaves through the outbox, all in the caller's
 * transaction. Whether a merge is allowed is the caller's question.
 */
@ApplicationScoped
public class Merger {

    private final IdentityStore store;
    private final ChangeLog log;
    private final Outbox outbox;

    Merger(IdentityStore store, ChangeLog log, Outbox outbox) {
        this.store = store;
        this.log = log;
        this.outbox = outbox;
    }

    public Uni<Change> merge(UUID survivorId, List<UUID> mergedIds, String actor, String reason, Double score, Instant now) {
        List<UUID> all = new ArrayList<>(List.of(survivorId));
        all.addAll(mergedIds);
        return store.currentRecordsOf(all)
                .map(records -> MergePlan.of(survivorId, mergedIds, refsByCustomer(records)))
                .map(sides -> new Change(UUID.randomUUID(), ChangeKind.MERGE, actor, reason, score, now, null, sides.before(),
                        sides.after()))
                .call(change -> Multi.createFrom().iterable(mergedIds)
                        .onItem().transformToUniAndConcatenate(merged -> retire(merged, survivorId, now)
                                .chain(() -> store.moveRecords(merged, survivorId)))
                        .collect().last())
                .call(log::record)
                .call(change -> ledger(change, survivorId, mergedIds))
                .call(change -> announce(change, survivorId, mergedIds));
    }

    /** Marks a customer merged into the survivor; the row stays, so its id still leads somewhere. */
    Uni<Void> retire(UUID customerId, UUID survivorId, Instant now) {
        return store.customer(customerId).invoke(customer -> {
            customer.status = CustomerEntity.Status.MERGED;
            customer.mergedInto = survivorId;
            customer.updatedAt = now;
        }).replaceWithVoid();
    }

    /** One row per merged pair in the merge ledger, naming the change. */
    Uni<Void> ledger(Change change, UUID survivorId, List<UUID> mergedIds) {
        return store.persistAll(mergedIds.stream().map(merged -> {
            MergeHistoryEntity row = new MergeHistoryEntity();
            row.id = UUID.randomUUID();
            row.survivorId = survivorId;
            row.mergedId = merged;
            row.reason = change.reason();
            row.actor = change.actor();
            row.probability = change.probability();
            row.mergedAt = change.at();
            row.changeId = change.id();
            return row;
        }).toArray());
    }

    Uni<Void> announce(Change change, UUID survivorId, List<UUID> mergedIds) {
        return outbox.add(new CustomersMerged(change.id(), survivorId, mergedIds, change.reason(), change.actor(),
                change.probability(), change.at()), survivorId, change.at()).replaceWithVoid();
    }

    static Map<UUID, List<RecordRef>> refsByCustomer(List<SourceRecordEntity> records) {
        Map<UUID, List<RecordRef>> byCustomer = new LinkedHashMap<>();
        records.forEach(r -> byCustomer.computeIfAbsent(r.customerId, id -> new ArrayList<>()).add(ref(r)));
        return byCustomer;
    }

    static RecordRef ref(SourceRecordEntity record) {
        return new RecordRef(record.id, record.sourceSystem, record.sourceId);
    }
}
