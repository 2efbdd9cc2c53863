package dev.panorama.identity.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a customer's history: a merge, split or undo, with each customer's records before and after.
 *
 * @param undoes   the change this undo reversed
 * @param undoneBy the undo that reversed this change, if any
 */
public record ChangeView(UUID id, ChangeKind kind, String actor, Instant at, String reason, Double score, UUID undoes,
        UUID undoneBy, List<CustomerRecords> before, List<CustomerRecords> after, List<MovedRecord> movedRecords) {

    static ChangeView of(Change change, UUID undoneBy) {
        return new ChangeView(change.id(), change.kind(), change.actor(), change.at(), change.reason(), change.probability(),
                change.undoes(), undoneBy, change.before(), change.after(),
                change.moves().stream().map(MovedRecord::of).toList());
    }
}
