package dev.panorama.identity.merge;

import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.identity.customers.StaffTransactions;
import dev.panorama.identity.merge.persistence.ChangeStore;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Undoes a merge or a split, as a change of its own: the change and the customers it touched are
 * locked, {@link UndoPlan} decides what goes back and whether that is still safe, and the moves, the
 * customers' new standing, the log entry and the event are written together.
 */
@ApplicationScoped
public class UndoService {

    private static final Logger LOG = Logger.getLogger(UndoService.class);

    private final ChangeStore changes;
    private final ChangeLog log;
    private final CustomerLocks locks;
    private final IdentityStore store;
    private final Merger merger;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    UndoService(ChangeStore changes, ChangeLog log, CustomerLocks locks, IdentityStore store, Merger merger, Outbox outbox) {
        this.changes = changes;
        this.log = log;
        this.locks = locks;
        this.store = store;
        this.merger = merger;
        this.outbox = outbox;
    }

    public Uni<Change> undoMerge(UUID mergeId, Steward steward) {
        return StaffTransactions.run(() -> undo(mergeId, ChangeKind.MERGE, steward));
    }

    public Uni<Change> undoSplit(UUID splitId, Steward steward) {
        return StaffTransactions.run(() -> undo(splitId, ChangeKind.SPLIT, steward));
    }

    /**
     * The change's customers are locked first, then the change: customers before changes, as an erasure locks them (it
     * rewrites the changes that showed an erased address), so the two wait for each other instead of deadlocking.
     */
    private Uni<Change> undo(UUID changeId, ChangeKind kind, Steward steward) {
        return changes.customersOf(changeId)
                .chain(customerIds -> standing(new LinkedHashSet<>(customerIds)))
                .chain(now -> lockedNotUndone(changeId, kind).chain(original -> apply(original, now, steward)));
    }

    /** The change, locked: two undos of it queue up and the second sees the first. */
    private Uni<Change> lockedNotUndone(UUID changeId, ChangeKind kind) {
        return changes.lockChange(changeId)
                .map(entity -> {
                    if (entity == null || !entity.kind.equals(kind.name())) {
                        throw new ChangeNotFound(kind, changeId);
                    }
                    return log.read(entity);
                })
                .call(original -> changes.undoOf(changeId).invoke(undo -> {
                    if (undo != null) {
                        throw new UndoRefused(kind.name().toLowerCase() + " " + changeId + " was already undone by " + undo.id);
                    }
                }));
    }

    /** Each customer of the original change as it stands now, locked. */
    private Uni<Map<UUID, CustomerState>> standing(Set<UUID> customerIds) {
        return locks.lock(customerIds).chain(customers -> store.currentRecordsOf(customerIds).map(records -> {
            Map<UUID, List<RecordRef>> held = Merger.refsByCustomer(records);
            Map<UUID, CustomerState> now = new LinkedHashMap<>();
            customers.forEach(c -> now.put(c.id, new CustomerState(c.id, c.status, c.mergedInto, held.getOrDefault(c.id, List.of()))));
            return now;
        }));
    }

    private Uni<Change> apply(Change original, Map<UUID, CustomerState> standing, Steward steward) {
        boolean merge = original.kind() == ChangeKind.MERGE;
        UndoPlan plan = merge ? UndoPlan.ofMerge(original, standing) : UndoPlan.ofSplit(original, standing);
        Instant now = clock.instant();
        Change undo = new Change(UUID.randomUUID(), merge ? ChangeKind.MERGE_UNDONE : ChangeKind.SPLIT_UNDONE, steward.name(),
                original.kind().name().toLowerCase() + " " + original.id() + " undone", null, now, original.id(),
                plan.sides().before(), plan.sides().after());
        return Multi.createFrom().iterable(plan.reactivated())
                .onItem().transformToUniAndConcatenate(id -> reactivate(id, now))
                .collect().last()
                .chain(() -> Multi.createFrom().iterable(plan.retired())
                        .onItem().transformToUniAndConcatenate(id -> merger.retire(id, plan.survivorId(), now))
                        .collect().last())
                .chain(() -> move(undo))
                .chain(() -> log.record(undo))
                .call(() -> merge ? announceSplits(undo, plan) : announceMerge(undo, plan))
                .invoke(() -> LOG.infof("%s %s undone by %s (change %s)", original.kind(), original.id(), steward.name(), undo.id()));
    }

    private Uni<Void> reactivate(UUID customerId, Instant now) {
        return store.customer(customerId).invoke(customer -> {
            customer.status = CustomerEntity.Status.ACTIVE;
            customer.mergedInto = null;
            customer.updatedAt = now;
        }).replaceWithVoid();
    }

    private Uni<Void> move(Change undo) {
        Map<UUID, List<RecordRef>> byDestination = undo.moves().stream().collect(Collectors.groupingBy(Change.Move::toCustomerId,
                LinkedHashMap::new, Collectors.mapping(Change.Move::record, Collectors.toList())));
        return Multi.createFrom().iterable(byDestination.entrySet())
                .onItem().transformToUniAndConcatenate(entry -> changes.moveSources(entry.getValue(), entry.getKey()))
                .collect().last().replaceWithVoid();
    }

    /** An undone merge: one CustomerSplit per customer that lives again. */
    private Uni<Void> announceSplits(Change undo, UndoPlan plan) {
        return Multi.createFrom().iterable(plan.reactivated())
                .onItem().transformToUniAndConcatenate(id -> outbox.add(new CustomerSplit(undo.id(), plan.survivorId(), id,
                        undo.moves().stream().filter(m -> m.toCustomerId().equals(id)).map(m -> m.record().source()).toList(),
                        undo.reason(), undo.actor(), undo.at()), plan.survivorId(), undo.at()))
                .collect().last().replaceWithVoid();
    }

    /** An undone split: the new customer is merged back into the original. */
    private Uni<Void> announceMerge(Change undo, UndoPlan plan) {
        return merger.ledger(undo, plan.survivorId(), plan.retired())
                .chain(() -> merger.announce(undo, plan.survivorId(), plan.retired()));
    }
}
