package dev.panorama.identity.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records, the customers they belong to and the blocking index, in memory: the graph the resolver
 * works on in benchmarks and unit tests. The service keeps the same structure in PostgreSQL.
 */
public final class InMemoryIdentityGraph implements IdentityGraph {

    private final Map<String, PersonRecord> records = new HashMap<>();
    private final Map<String, String> customerOfRecord = new HashMap<>();
    private final Map<String, Set<String>> recordsOfCustomer = new HashMap<>();
    private final Map<String, List<String>> recordsByKey = new HashMap<>();
    private final Set<Set<String>> keptApart = new HashSet<>();

    /** The records of the blocks {@link CandidateBlocks} chooses, as the service's blocking index answers. */
    @Override
    public Set<String> recordsSharingKeys(Collection<String> keys) {
        Map<String, Integer> sizes = new HashMap<>();
        keys.forEach(key -> sizes.put(key, recordsByKey.getOrDefault(key, List.of()).size()));
        Set<String> found = new LinkedHashSet<>();
        CandidateBlocks.chosen(sizes).forEach(key -> found.addAll(recordsByKey.getOrDefault(key, List.of())));
        return found;
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
        records.put(record.recordId(), record);
        customerOfRecord.put(record.recordId(), customerId);
        recordsOfCustomer.computeIfAbsent(customerId, id -> new LinkedHashSet<>()).add(record.recordId());
        keys.forEach(key -> recordsByKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(record.recordId()));
    }

    @Override
    public void merge(String survivorId, String mergedId) {
        Set<String> moved = recordsOfCustomer.remove(mergedId);
        if (moved == null) {
            return;
        }
        moved.forEach(recordId -> customerOfRecord.put(recordId, survivorId));
        recordsOfCustomer.computeIfAbsent(survivorId, id -> new LinkedHashSet<>()).addAll(moved);
        inheritRejections(survivorId, mergedId);
    }

    /** The survivor is kept apart from whoever the merged customer was kept apart from. */
    private void inheritRejections(String survivorId, String mergedId) {
        List<Set<String>> inherited = keptApart.stream().filter(pair -> pair.contains(mergedId)).toList();
        keptApart.removeAll(inherited);
        inherited.forEach(pair -> pair.stream().filter(id -> !id.equals(mergedId) && !id.equals(survivorId))
                .forEach(other -> keptApart.add(Set.of(survivorId, other))));
    }

    /** A steward's rejection of two customers as one person. */
    public void keepApart(String customerA, String customerB) {
        keptApart.add(Set.of(customerA, customerB));
    }

    @Override
    public boolean keptApart(String customerA, String customerB) {
        return !customerA.equals(customerB) && keptApart.contains(Set.of(customerA, customerB));
    }

    /** Every customer with its records, for measuring. */
    public Map<String, Set<String>> customers() {
        return Map.copyOf(recordsOfCustomer);
    }
}
