package dev.panorama.identity.review;

import dev.panorama.identity.resolution.persistence.MatchDecisionEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Puts possible matches in front of a data steward: a record resolved as POSSIBLE becomes a review
 * item in the same transaction.
 */
@ApplicationScoped
public class ReviewQueue {

    private static final String POSSIBLE = "POSSIBLE";

    private final ReviewStore reviews;

    ReviewQueue(ReviewStore reviews) {
        this.reviews = reviews;
    }

    /**
     * No steward can have kept the two customers apart before: a possible match is linked to a customer its record
     * has just created (a resend of the record raises nothing, a new version of it is matched to its customer), so the
     * rejected pairs need no look-up here.
     *
     * @param decision            the decision just stored for a new record, whose customer it created
     * @param candidateCustomerId the customer of the record it matched best, or null when none was scored
     */
    public Uni<Void> raiseIfPossible(MatchDecisionEntity decision, UUID candidateCustomerId) {
        if (!POSSIBLE.equals(decision.decision) || candidateCustomerId == null || decision.probability == null) {
            return Uni.createFrom().voidItem();
        }
        return reviews.persist(item(decision, candidateCustomerId));
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
