package dev.panorama.identity.matching;

import java.util.Collection;
import java.util.Set;

/** What the resolver needs to know about stored records and customers. */
public interface IdentityGraph {

    /** A new record's candidates: the records indexed under the blocks of its keys that {@link CandidateBlocks} chooses. */
    Set<String> recordsSharingKeys(Collection<String> keys);

    PersonRecord record(String recordId);

    String customerOf(String recordId);

    Set<String> recordsOf(String customerId);

    void add(PersonRecord record, Collection<String> keys, String customerId);

    /**
     * Whether a data steward kept these two customers apart (rejected them as one person, split them, or undid their
     * merge): they stay apart until people merge them.
     */
    default boolean keptApart(String customerA, String customerB) {
        return false;
    }

    /** Moves every record of {@code mergedId} to {@code survivorId}. */
    void merge(String survivorId, String mergedId);
}
