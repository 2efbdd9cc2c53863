package dev.panorama.identity.review;

import dev.panorama.identity.resolution.persistence.IdentityStore;
import dev.panorama.identity.resolution.persistence.MatchDecisionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Puts possible matches in front of a data steward: a record resolved as POSSIBLE becomes a review
 * item in the same transaction, unless a steward already kept the two customers apart.
 */
@ApplicationScoped
public class ReviewQueue {

    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);
    private static final String POSSIBLE = "POSSIBLE";

    private final ReviewStore reviews;
    private final IdentityStore store;

    ReviewQueue(ReviewStore reviews, IdentityStore store) {
        this.reviews = reviews;
        this.store = store;
    }

    /**
     * @param decision            the decision just stored for a new record
     * @param candidateCustomerId the customer of the record it matched best, or null when none was scored
     */
    public Uni<Void> raiseIfPossible(MatchDecisionEntity decision, UUID candidateCustomerId) {
        if (!POSSIBLE.equals(decision.decision) || candidateCustomerId == null || decision.probability == null) {
            return Uni.createFrom().voidItem();
        }
        return store.rejectedPairsAmong(List.of(decision.customerId, candidateCustomerId)).chain(rejected -> {
            if (!rejected.isEmpty()) {
                LOG.debugf("record %s: customers %s and %s were kept apart before, no review", decision.recordId,
                        decision.customerId, candidateCustomerId);
                return Uni.createFrom().voidItem();
            }
            return reviews.persist(item(decision, candidateCustomerId));
        });
    }

    private static ReviewItemEntity item(MatchDecisionEntity decision, UUID candidateCustomerId) {
        ReviewItemEntity item = new ReviewItemEntity();
        item.id = UUID.randomUUID();
        item.recordId = decision.recordId;
        item.customerId = decision.customerId;
        item.candidateCustomerId = candidateCustomerId;
        item.probability = decision.probability;
        item.explanation = decision.explanation;
        item.status = ReviewItemEntity.Status.OPEN;
        // the database keeps microseconds: the cursor must name the time it will read back
        item.createdAt = decision.decidedAt.truncatedTo(ChronoUnit.MICROS);
        return item;
    }
}
