package dev.panorama.identity.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.identity.merge.Change;
import dev.panorama.identity.merge.ErasedCustomerUnchangeable;
import dev.panorama.identity.merge.MergeService;
import dev.panorama.identity.merge.Steward;
import dev.panorama.identity.customers.StaffTransactions;
import dev.panorama.identity.customers.Survivors;
import dev.panorama.identity.resolution.Explanation;
import dev.panorama.identity.resolution.persistence.CustomerEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** The review queue for data stewards: list, read, and decide possible matches. */
@ApplicationScoped
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    private final ReviewStore reviews;
    private final Survivors survivors;
    private final MergeService merges;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    ReviewService(ReviewStore reviews, Survivors survivors, MergeService merges, ObjectMapper json) {
        this.reviews = reviews;
        this.survivors = survivors;
        this.merges = merges;
        this.json = json;
    }

    @WithSession
    public Uni<ReviewPage> page(ReviewItemEntity.Status status, ReviewCursor after, int limit) {
        return reviews.page(status, after, limit + 1).map(rows -> {
            List<ReviewView> items = rows.stream().limit(limit).map(this::view).toList();
            String next = rows.size() > limit
                    ? new ReviewCursor(items.getLast().createdAt(), items.getLast().id()).encode()
                    : null;
            return new ReviewPage(items, next);
        });
    }

    @WithSession
    public Uni<ReviewView> review(UUID id) {
        return reviews.find(id).onItem().ifNull().failWith(() -> new ReviewNotFound("no review " + id)).map(this::view);
    }

    /**
     * ACCEPT merges the record's customer into the candidate (each followed to where it lives on now);
     * REJECT closes the item and keeps the pair apart from then on.
     */
    public Uni<ReviewView> decide(UUID id, DecisionRequest request, Steward steward) {
        return StaffTransactions.run(() -> decideInTransaction(id, request, steward));
    }

    private Uni<ReviewView> decideInTransaction(UUID id, DecisionRequest request, Steward steward) {
        return reviews.lock(id)
                .onItem().ifNull().failWith(() -> new ReviewNotFound("no review " + id))
                .invoke(row -> {
                    if (row.item().status != ReviewItemEntity.Status.OPEN) {
                        throw new ReviewAlreadyDecided("review " + id + " was already " + row.item().status);
                    }
                })
                .call(row -> request.decision() == DecisionRequest.Decision.ACCEPT
                        ? accept(row.item(), request, steward)
                        : Uni.createFrom().voidItem().invoke(() -> close(row.item(), ReviewItemEntity.Status.REJECTED, request,
                                steward, null)))
                .invoke(row -> LOG.infof("review %s %s by %s", id, row.item().status, steward.name()))
                .map(this::view);
    }

    private Uni<Void> accept(ReviewItemEntity item, DecisionRequest request, Steward steward) {
        return survivors.of(item.customerId).chain(customer -> survivors.of(item.candidateCustomerId).chain(candidate -> {
            requireNotErased(customer);
            requireNotErased(candidate);
            if (customer.id.equals(candidate.id)) {
                close(item, ReviewItemEntity.Status.ACCEPTED, request, steward, null);
                return Uni.createFrom().voidItem();
            }
            return merges.mergeInTransaction(candidate.id, List.of(customer.id), request.reason().strip(), item.probability,
                            request.overrides(), steward)
                    .invoke(change -> close(item, ReviewItemEntity.Status.ACCEPTED, request, steward, change))
                    .replaceWithVoid();
        }));
    }

    private static void requireNotErased(CustomerEntity customer) {
        if (customer.status == CustomerEntity.Status.ERASED) {
            throw new ErasedCustomerUnchangeable("customer " + customer.id + " was erased");
        }
    }

    private void close(ReviewItemEntity item, ReviewItemEntity.Status status, DecisionRequest request, Steward steward,
            Change merge) {
        item.status = status;
        item.decidedBy = steward.name();
        item.decidedAt = clock.instant();
        item.decisionReason = request.reason().strip();
        item.changeId = merge == null ? null : merge.id();
    }

    private ReviewView view(ReviewStore.Row row) {
        ReviewItemEntity item = row.item();
        return new ReviewView(item.id, item.status.name(), item.recordId, row.record().sourceSystem, row.record().sourceId,
                item.customerId, item.candidateCustomerId, item.probability, explanation(item.explanation), item.createdAt,
                item.decidedBy, item.decidedAt, item.decisionReason, item.changeId);
    }

    private Explanation explanation(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation cannot be read", e);
        }
    }
}
