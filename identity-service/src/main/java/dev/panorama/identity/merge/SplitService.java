package dev.panorama.identity.merge;

import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.identity.customers.StaffTransactions;
import dev.panorama.identity.merge.persistence.ChangeStore;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Splits records off a customer into a new one: a wrong link or merge put right by a data steward. */
@ApplicationScoped
public class SplitService {

    private static final Logger LOG = Logger.getLogger(SplitService.class);

    private final CustomerLocks locks;
    private final IdentityStore store;
    private final ChangeStore changes;
    private final ChangeLog log;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    SplitService(CustomerLocks locks, IdentityStore store, ChangeStore changes, ChangeLog log, Outbox outbox) {
        this.locks = locks;
        this.store = store;
        this.changes = changes;
        this.log = log;
        this.outbox = outbox;
    }

    public Uni<Change> split(UUID customerId, List<UUID> recordIds, String reason, Steward steward) {
        return StaffTransactions.run(() -> splitInTransaction(customerId, recordIds, reason, steward));
    }

    private Uni<Change> splitInTransaction(UUID customerId, List<UUID> recordIds, String reason, Steward steward) {
        UUID newCustomerId = UUID.randomUUID();
        Instant now = clock.instant();
        return locks.lockActive(List.of(customerId))
                .chain(() -> store.currentRecordsOf(List.of(customerId)))
                .map(records -> SplitPlan.of(customerId, newCustomerId, records.stream().map(Merger::ref).toList(), recordIds))
                .map(sides -> new Change(UUID.randomUUID(), ChangeKind.SPLIT, steward.name(), reason, null, now, null,
                        sides.before(), sides.after()))
                .call(() -> store.persistAll(CustomerEntity.active(newCustomerId, now)))
                .call(store::flush) // the new customer exists before records point at it
                .call(change -> changes.moveSources(moved(change), newCustomerId))
                .call(log::record)
                .call(change -> outbox.add(new CustomerSplit(change.id(), customerId, newCustomerId,
                        moved(change).stream().map(RecordRef::source).toList(), reason, steward.name(), now), customerId, now))
                .invoke(change -> LOG.infof("split %s: %d record(s) of %s to new customer %s by %s", change.id(),
                        moved(change).size(), customerId, newCustomerId, steward.name()));
    }

    private static List<RecordRef> moved(Change split) {
        return split.moves().stream().map(Change.Move::record).toList();
    }
}
