package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.IdentityGraph;
import dev.panorama.identity.matching.PersonRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the stored graph one resolution can touch (the records sharing a blocking key with the
 * new record, and every record of their customers), loaded under the keys' locks. The resolver works on
 * it in memory; the merges it makes are then written back.
 */
final class SnapshotGraph implements IdentityGraph {

    /** A merge the resolver made, to be persisted. */
    record Merge(String survivorId, String mergedId) {
    }

    private final Set<String> candidates;
    private final Map<String, PersonRecord> records = new HashMap<>();
    private final Map<String, String> customerOfRecord = new HashMap<>();
    private final Map<String, Set<String>> recordsOfCustomer = new HashMap<>();
    private final List<Merge> merges = new ArrayList<>();

    SnapshotGraph(Collection<String> candidateRecordIds) {
        this.candidates = Set.copyOf(candidateRecordIds);
    }

    void load(PersonRecord record, String customerId) {
        records.put(record.recordId(), record);
        customerOfRecord.put(record.recordId(), customerId);
        recordsOfCustomer.computeIfAbsent(customerId, id -> new LinkedHashSet<>()).add(record.recordId());
    }

    @Override
    public Set<String> recordsSharingKeys(Collection<String> keys, int maxPerKey) {
        return candidates;
    }

    @Override
    public PersonRecord record(String recordId) {
        return records.get(recordId);
    }

    @Override
    public String customerOf(String recordId) {
        return customerOfRecord.get(recordId);
    }

    @Override
    public Set<String> recordsOf(String customerId) {
        return recordsOfCustomer.getOrDefault(customerId, Set.of());
    }

    @Override
    public void add(PersonRecord record, Collection<String> keys, String customerId) {
        load(record, customerId);
    }

    @Override
    public void merge(String survivorId, String mergedId) {
        Set<String> moved = recordsOfCustomer.remove(mergedId);
        if (moved != null) {
            moved.forEach(recordId -> customerOfRecord.put(recordId, survivorId));
            recordsOfCustomer.computeIfAbsent(survivorId, id -> new LinkedHashSet<>()).addAll(moved);
        }
        merges.add(new Merge(survivorId, mergedId));
    }

    List<Merge> merges() {
        return List.copyOf(merges);
    }
}
