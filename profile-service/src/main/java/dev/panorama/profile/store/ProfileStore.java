package dev.panorama.profile.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.folding.ProfileDocument;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The profiles collection. Every change is a read, a pure change and a compare-and-set replace of that one
 * document on its revision: single-document atomic, safe with several replicas, retried when another writer won.
 */
@ApplicationScoped
public class ProfileStore {

    private static final int MAX_POINTER_HOPS = 8;

    private final ReactiveMongoCollection<Document> profiles;
    private final int retries;

    public ProfileStore(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            ProfileConfig config) {
        this.profiles = mongo.getDatabase(database).getCollection("profiles");
        this.retries = config.conflictRetries();
    }

    void createIndexes(@Observes StartupEvent start) {
        // the MongoDB-wire test server ignores non-unique indexes; a real MongoDB uses them for lookups and search
        Uni.combine().all().unis(profiles.createIndex(Indexes.ascending("search.identifiers")),
                profiles.createIndex(Indexes.ascending("search.names")), profiles.createIndex(Indexes.ascending("search.emails")),
                profiles.createIndex(Indexes.ascending("search.phones"))).discardItems().await().indefinitely();
    }

    /** The stored profile, or an empty one for a customer nothing is known about yet. */
    public Uni<ProfileDocument> load(UUID customerId) {
        return profiles.find(Filters.eq("_id", customerId.toString())).collect().first()
                .map(found -> found == null ? ProfileDocument.empty(customerId) : ProfileCodec.fromBson(found));
    }

    /** Changes one profile atomically; a change that returns its input writes nothing. */
    public Uni<ProfileDocument> update(UUID customerId, UnaryOperator<ProfileDocument> change) {
        return load(customerId).chain(current -> write(current, change.apply(current)))
                .onFailure(ConcurrentChange.class).retry().atMost(retries);
    }

    /**
     * Hands part of one profile to others: {@code handOver} receives the profile as read and writes what it passes
     * on; then {@code release} is written to the giver only if nothing changed it meanwhile, else all is done again
     * (handing over twice is harmless, losing a fact that arrived in between is not).
     */
    public Uni<ProfileDocument> transfer(UUID giverId, java.util.function.Function<ProfileDocument, Uni<?>> handOver,
            UnaryOperator<ProfileDocument> release) {
        return load(giverId).chain(giver -> handOver.apply(giver).chain(() -> write(giver, release.apply(giver))))
                .onFailure(ConcurrentChange.class).retry().atMost(retries);
    }

    /** Changes the profile that now holds the customer: the survivor when the customer was merged. */
    public Uni<ProfileDocument> updateFollowingMerges(UUID customerId, UnaryOperator<ProfileDocument> change) {
        return survivorOf(customerId, 0).chain(holder -> update(holder, profile -> profile.merged() ? profile : change.apply(profile)))
                .chain(updated -> updated.merged() ? updateFollowingMerges(updated.mergedInto(), change) : Uni.createFrom().item(updated));
    }

    private Uni<UUID> survivorOf(UUID customerId, int hops) {
        if (hops >= MAX_POINTER_HOPS) {
            return Uni.createFrom().item(customerId);
        }
        return profiles.find(Filters.eq("_id", customerId.toString())).collect().first()
                .chain(found -> found == null || found.getString("mergedInto") == null ? Uni.createFrom().item(customerId)
                        : survivorOf(UUID.fromString(found.getString("mergedInto")), hops + 1));
    }

    private Uni<ProfileDocument> write(ProfileDocument current, ProfileDocument changed) {
        if (changed.equals(current)) {
            return Uni.createFrom().item(current);
        }
        ProfileDocument next = new ProfileDocument(changed.customerId(), changed.mergedInto(), changed.erasedAt(), changed.state(),
                changed.appliedEvents(), current.revision() + 1);
        Document bson = ProfileCodec.toBson(next);
        bson.put("revision", next.revision());
        Uni<Boolean> written = current.revision() == 0
                ? profiles.insertOne(bson).map(inserted -> true)
                        .onFailure(MongoErrors::duplicateKey).recoverWithItem(false)
                : profiles.replaceOne(Filters.and(Filters.eq("_id", bson.getString("_id")), Filters.eq("revision", current.revision())),
                        bson, new ReplaceOptions()).map(result -> result.getMatchedCount() == 1);
        return written.map(ok -> {
            if (!ok) {
                throw new ConcurrentChange();
            }
            return next;
        });
    }

    /** Profiles carrying an identifier key (see {@link ProfileCodec#identifierKey}). */
    public Uni<List<ProfileDocument>> withIdentifier(String identifierKey, int limit) {
        return list(Filters.and(Filters.eq("search.identifiers", identifierKey), live()), limit);
    }

    /** Profiles with a name part, an email or phone digits starting with the prefix, after a cursor (an id). */
    public Uni<List<ProfileDocument>> search(String prefix, String after, int limit) {
        String lower = prefix.trim().toLowerCase(java.util.Locale.ROOT);
        Pattern starts = Pattern.compile("^" + Pattern.quote(lower));
        String phoneDigits = ProfileCodec.digits(lower);
        List<Bson> matches = new java.util.ArrayList<>(List.of(Filters.regex("search.names", starts),
                Filters.regex("search.emails", starts)));
        if (!phoneDigits.isEmpty()) {
            matches.add(Filters.regex("search.phones", Pattern.compile("^" + Pattern.quote(phoneDigits))));
        }
        Bson filter = Filters.and(Filters.or(matches), live());
        return list(after == null ? filter : Filters.and(filter, Filters.gt("_id", after)), limit);
    }

    public Uni<Void> deleteAll() {
        return profiles.deleteMany(new Document()).replaceWithVoid();
    }

    private Uni<List<ProfileDocument>> list(Bson filter, int limit) {
        return profiles.find(filter, new io.quarkus.mongodb.FindOptions().sort(Indexes.ascending("_id")).limit(limit))
                .map(ProfileCodec::fromBson).collect().asList();
    }

    private static Bson live() {
        return Filters.and(Filters.eq("mergedInto", null), Filters.eq("erasedAt", null));
    }


    /** Another writer changed the profile between our read and our write. */
    static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("the profile changed concurrently", null, false, false);
        }
    }
}
