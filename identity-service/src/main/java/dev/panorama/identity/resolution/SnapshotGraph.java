package dev.panorama.identity.resolution;

import dev.panorama.identity.matching.IdentityGraph;
import dev.panorama.identity.matching.InMemoryIdentityGraph;
import dev.panorama.identity.matching.PersonRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
    private final InMemoryIdentityGraph loaded = new InMemoryIdentityGraph();
    private final List<Merge> merges = new ArrayList<>();
    private final Set<Set<String>> keptApart = new HashSet<>();

    SnapshotGraph(Collection<String> candidateRecordIds) {
        this.candidates = Set.copyOf(candidateRecordIds);
    }

    void load(PersonRecord record, String customerId) {
        loaded.add(record, List.of(), customerId);
    }

    void keepApart(UUID customerA, UUID customerB) {
        keptApart.add(Set.of(customerA.toString(), customerB.toString()));
    }

    @Override
    public boolean keptApart(String customerA, String customerB) {
        return !customerA.equals(customerB) && keptApart.contains(Set.of(customerA, customerB));
    }

    /** The candidates were found by the database's blocking index, under the same keys. */
    @Override
    public Set<String> recordsSharingKeys(Collection<String> keys) {
        return candidates;
    }

    @Override
    public PersonRecord record(String recordId) {
        return loaded.record(recordId);
    }

    @Override
    public String customerOf(String recordId) {
        return loaded.customerOf(recordId);
    }

    @Override
    public Set<String> recordsOf(String customerId) {
        return loaded.recordsOf(customerId);
    }

    @Override
    public void add(PersonRecord record, Collection<String> keys, String customerId) {
        loaded.add(record, List.of(), customerId);
    }

    @Override
    public void merge(String survivorId, String mergedId) {
        loaded.merge(survivorId, mergedId);
        merges.add(new Merge(survivorId, mergedId));
    }

    List<Merge> merges() {
        return List.copyOf(merges);
    }
}
