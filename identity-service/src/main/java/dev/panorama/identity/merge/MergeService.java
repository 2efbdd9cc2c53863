package dev.panorama.identity.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.customers.StaffTransactions;
import dev.panorama.identity.matching.PersonRecord;
import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.SourceRecordEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Merges made by people: a data steward's merge, or an accepted review. */
@ApplicationScoped
public class MergeService {

    private static final Logger LOG = Logger.getLogger(MergeService.class);

    private final CustomerLocks locks;
    private final IdentityStore store;
    private final Merger merger;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    MergeService(CustomerLocks locks, IdentityStore store, Merger merger, ObjectMapper json) {
        this.locks = locks;
        this.store = store;
        this.merger = merger;
        this.json = json;
    }

    public Uni<Change> merge(UUID survivorId, List<UUID> mergedIds, String reason, boolean override, Steward steward) {
        return StaffTransactions.run(() -> mergeInTransaction(survivorId, mergedIds, reason, null, override, steward));
    }

    /**
     * Merges in the caller's transaction, once every customer is locked and active and merge protection
     * has no objection (or an admin overrode it).
     */
    public Uni<Change> mergeInTransaction(UUID survivorId, List<UUID> mergedIds, String reason, Double score, boolean override,
            Steward steward) {
        List<UUID> all = new ArrayList<>(List.of(survivorId));
        all.addAll(mergedIds);
        return locks.lockActive(all)
                .chain(() -> store.currentRecordsOf(all))
                .invoke(records -> protect(records, override, steward))
                .chain(() -> store.rejectedPairsAmong(all))
                .invoke(rejected -> protectRejected(rejected, override, steward))
                .chain(() -> merger.merge(survivorId, mergedIds, steward.name(), reason, score, clock.instant()))
                .invoke(change -> LOG.infof("merge %s: %d customer(s) into %s by %s", change.id(), mergedIds.size(), survivorId,
                        steward.name()));
    }

    private void protect(List<SourceRecordEntity> records, boolean override, Steward steward) {
        Map<UUID, List<PersonRecord>> byCustomer = new LinkedHashMap<>();
        records.forEach(r -> byCustomer.computeIfAbsent(r.customerId, id -> new ArrayList<>()).add(person(r)));
        ProtectionCheck.conflictAmong(byCustomer).ifPresent(pair -> {
            if (!(override && steward.admin())) {
                throw new MergeProtected("customers " + pair.get(0) + " and " + pair.get(1) + " hold different values of an"
                        + " identifier of one person, or clearly different dates of birth; "
                        + (override ? "only an admin may override merge protection" : "an admin may merge them with \"override\": true"));
            }
            LOG.infof("merge protection between %s and %s overridden by %s", pair.get(0), pair.get(1), steward.name());
        });
    }

    /** A data steward's rejection of a possible match is merge protection too. */
    private static void protectRejected(List<List<UUID>> rejected, boolean override, Steward steward) {
        if (rejected.isEmpty()) {
            return;
        }
        List<UUID> pair = rejected.getFirst();
        if (!(override && steward.admin())) {
            throw new MergeProtected("customers " + pair.get(0) + " and " + pair.get(1) + " were rejected as one person by a data"
                    + " steward; " + (override ? "only an admin may override merge protection"
                            : "an admin may merge them with \"override\": true"));
        }
        LOG.infof("rejection between %s and %s overridden by %s", pair.get(0), pair.get(1), steward.name());
    }

    private PersonRecord person(SourceRecordEntity record) {
        try {
            return json.readValue(record.normalised, PersonRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record cannot be read", e);
        }
    }
}
