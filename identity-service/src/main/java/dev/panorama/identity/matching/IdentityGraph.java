package dev.panorama.identity.matching;

import java.util.Collection;
import java.util.Set;

/** What the resolver needs to know about stored records and customers. */
public interface IdentityGraph {

    /** Records indexed under any of the keys; keys shared by more than {@code maxPerKey} records are skipped as uninformative. */
    Set<String> recordsSharingKeys(Collection<String> keys, int maxPerKey);

    PersonRecord record(String recordId);

    String customerOf(String recordId);

    Set<String> recordsOf(String customerId);

    void add(PersonRecord record, Collection<String> keys, String customerId);

    /** Whether a data steward rejected these two customers as one person (they stay apart until people merge them). */
    default boolean keptApart(String customerA, String customerB) {
        return false;
    }

    /** Moves every record of {@code mergedId} to {@code survivorId}. */
    void merge(String survivorId, String mergedId);
}
