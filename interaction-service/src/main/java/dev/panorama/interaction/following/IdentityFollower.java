package dev.panorama.interaction.following;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.interaction.log.Concurrently;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.resolution.Sender;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.scheduler.Scheduled;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the log keyed as identity-service decides: merged customers' contacts move to the survivor, split-off records'
 * contacts to the new customer, an erased customer's contacts become anonymous tombstones. Each event is applied once
 * (its {@code ce_id} is remembered after it was applied; applying one again changes nothing). Merges are remembered so
 * the reconciler can re-key contacts stored for a merged customer just after the merge was applied.
 */
@ApplicationScoped
public class IdentityFollower {

    private static final Logger LOG = Logger.getLogger(IdentityFollower.class);
    /** Longer than any resolution in flight when a merge was applied. */
    private static final Duration MERGE_RACE_WINDOW = Duration.ofMinutes(5);

    private final InteractionLog log;
    private final ReactiveMongoCollection<Document> applied;
    private final ReactiveMongoCollection<Document> merges;

    public IdentityFollower(InteractionLog log, ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.log = log;
        this.applied = mongo.getDatabase(database).getCollection("applied_identity_events");
        this.merges = mongo.getDatabase(database).getCollection("customer_merges");
    }

    public Uni<Void> apply(IdentityEvent event) {
        return applied.find(Filters.eq("_id", event.id())).collect().first()
                .chain(done -> done != null ? Uni.createFrom().voidItem() : applyOnce(event));
    }

    private Uni<Void> applyOnce(IdentityEvent event) {
        Uni<Void> applying = switch (event.event()) {
            case CustomersMerged merged -> merged(merged);
            case CustomerSplit split -> split(split);
            case CustomerErased erased -> log.erase(erased.customerId())
                    .invoke(count -> LOG.infof("customer %s erased: %d contacts anonymised", erased.customerId(), count)).replaceWithVoid();
            default -> Uni.createFrom().voidItem();
        };
        return applying.chain(() -> remember(event.id()));
    }

    private Uni<Void> merged(CustomersMerged merged) {
        List<Document> redirects = merged.mergedIds().stream()
                .map(id -> new Document("_id", id.toString()).append("survivorId", merged.survivorId().toString())
                        .append("mergedAt", Date.from(Instant.now())))
                .toList();
        return Concurrently.all(redirects.stream().map(redirect -> merges.replaceOne(Filters.eq("_id", redirect.get("_id")), redirect,
                        new ReplaceOptions().upsert(true))).toList())
                .chain(() -> log.rekey(merged.mergedIds(), merged.survivorId()))
                .invoke(count -> LOG.infof("customers %s merged into %s: %d contacts re-keyed", merged.mergedIds(), merged.survivorId(), count))
                .replaceWithVoid();
    }

    /**
     * A split may undo a merge, so the new customer is no longer merged into anyone; that is forgotten before the contacts
     * move, or the reconciler would move them back to the customer they were split off.
     */
    private Uni<Void> split(CustomerSplit split) {
        return forgetMerge(split.newCustomerId())
                .chain(() -> log.move(split.originalId(), split.newCustomerId(), recordKeys(split.movedRecords())))
                .invoke(count -> LOG.infof("customer %s split into %s: %d contacts moved", split.originalId(), split.newCustomerId(), count))
                .replaceWithVoid();
    }

    private Uni<Void> forgetMerge(UUID mergedId) {
        return merges.deleteOne(Filters.eq("_id", mergedId.toString())).replaceWithVoid();
    }

    static List<String> recordKeys(List<SourceRef> records) {
        return records.stream().map(record -> Sender.recordKey(record.sourceSystem(), record.sourceId())).toList();
    }

    /** Re-keys contacts stored for recently merged customers: the race between a merge and a resolution in flight. */
    @Scheduled(every = "${panorama.interaction.identity.reconcile-every:10s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reapplyRecentMerges() {
        return reapplyMergesSince(Instant.now().minus(MERGE_RACE_WINDOW))
                .onFailure().invoke(failure -> LOG.warnf("Re-applying recent merges failed, will retry: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    Uni<Void> reapplyMergesSince(Instant since) {
        return recentMerges(since).chain(this::reapply);
    }

    /** Merges applied since then, as read at {@code readAt}: a split may undo any of them right after. */
    record RecentMerges(List<Redirect> redirects, Instant readAt) {
    }

    /** The contacts of {@code mergedId} belong to {@code survivorId}. */
    record Redirect(UUID mergedId, UUID survivorId) {
    }

    Uni<RecentMerges> recentMerges(Instant since) {
        Instant readAt = Instant.now();
        return merges.find(Filters.gte("mergedAt", Date.from(since))).collect().asList()
                .map(found -> new RecentMerges(found.stream().map(IdentityFollower::redirect).toList(), readAt));
    }

    private static Redirect redirect(Document merge) {
        return new Redirect(UUID.fromString(merge.getString("_id")), UUID.fromString(merge.getString("survivorId")));
    }

    /**
     * Re-keys what the merges read missed: only contacts received before the read and never the survivor's
     * ({@link InteractionLog#rekeyLate}), as a split may have undone a merge between the read and now.
     */
    Uni<Void> reapply(RecentMerges recent) {
        return Concurrently.all(recent.redirects().stream()
                .map(redirect -> log.rekeyLate(redirect.mergedId(), redirect.survivorId(), recent.readAt()))
                .toList());
    }

    private Uni<Void> remember(String eventId) {
        return applied.insertOne(new Document("_id", eventId).append("appliedAt", Date.from(Instant.now())))
                .replaceWithVoid()
                .onFailure(failure -> failure instanceof MongoWriteException write
                        && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY).recoverWithNull();
    }
}
