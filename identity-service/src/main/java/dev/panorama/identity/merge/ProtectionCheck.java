package dev.panorama.identity.merge;

import dev.panorama.identity.matching.MergeProtection;
import dev.panorama.identity.matching.PersonRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Merge protection applied to a merge by staff: the customers' current records, compared pairwise across customers. */
final class ProtectionCheck {

    private ProtectionCheck() {
    }

    /** Two customers among these that merge protection keeps apart, if there are any. */
    static Optional<List<UUID>> conflictAmong(Map<UUID, List<PersonRecord>> recordsByCustomer) {
        List<Map.Entry<UUID, List<PersonRecord>>> customers = List.copyOf(recordsByCustomer.entrySet());
        for (int i = 0; i < customers.size(); i++) {
            for (int j = i + 1; j < customers.size(); j++) {
                if (conflict(customers.get(i).getValue(), customers.get(j).getValue())) {
                    return Optional.of(List.of(customers.get(i).getKey(), customers.get(j).getKey()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean conflict(List<PersonRecord> a, List<PersonRecord> b) {
        return a.stream().anyMatch(x -> b.stream().anyMatch(y -> MergeProtection.conflict(x, y)));
    }
}
