package dev.panorama.profile.store;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import dev.panorama.profile.config.ProfileConfig;
import dev.panorama.profile.folding.Fact;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.phones.PhoneKeys;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
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
    private static final Bson READ_FIELDS = Projections.exclude(ProfileCodec.SEARCH, "appliedEvents");

    private final ReactiveMongoCollection<Document> profiles;
    private final int retries;
    private final PhoneKeys phones;

    public ProfileStore(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            ProfileConfig config, PhoneKeys phones) {
        this.profiles = mongo.getDatabase(database).getCollection("profiles");
        this.retries = config.conflictRetries();
        this.phones = phones;
    }

    void createIndexes(@Observes StartupEvent start) {
        // the MongoDB-wire test server ignores non-unique indexes; a real MongoDB uses them for lookups and search.
        // The compare-and-set filter (_id, revision) gets a unique index of its own: the test server serves a query
        // from an index only when the query names exactly the index's fields, else it scans every profile.
        Uni.combine().all().unis(profiles.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true)),
                profiles.createIndex(Indexes.ascending("search.identifiers")),
                profiles.createIndex(Indexes.ascending("search.names")), profiles.createIndex(Indexes.ascending("search.emails")),
                profiles.createIndex(Indexes.ascending("search.phones"))).discardItems().await().indefinitely();
    }

    /** The stored profile, or an empty one for a customer nothing is known about yet. */
    public Uni<ProfileDocument> load(UUID customerId) {
        return profiles.find(Filters.eq("_id", customerId.toString())).collect().first()
                .map(found -> found == null ? ProfileDocument.empty(customerId) : ProfileCodec.fromBson(found));
    }

    /** The stored profile as a reader needs it: without the search keys and the remembered event ids. */
    public Uni<ProfileDocument> read(UUID customerId) {
        return profiles.find(byId(customerId), new io.quarkus.mongodb.FindOptions().projection(READ_FIELDS).limit(1)).collect().first()
                .map(found -> found == null ? ProfileDocument.empty(customerId) : ProfileCodec.fromBson(found));
    }

    /**
     * Folds each customer's facts into the profile that holds the customer now (the survivor, after a merge): one
     * query reads all those profiles, and one bulk request writes every changed one, each by compare-and-set on its
     * revision. When another writer won a race for some of them, everything is folded again from a fresh read: the
     * profiles written already come out unchanged (their events are remembered), so only the losers are written.
     */
    public Uni<Void> foldAll(Map<UUID, List<Fact>> factsByCustomer, BiFunction<ProfileDocument, List<Fact>, ProfileDocument> fold) {
        if (factsByCustomer.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> holders(factsByCustomer, 0))
                .chain(held -> writeAll(held.values().stream().map(h -> new Change(h.profile(), fold.apply(h.profile(), h.facts())))
                        .filter(Change::changes).toList()))
                .onFailure(ConcurrentChange.class).retry().atMost(retries);
    }

    /** The profile each customer's facts go to, read with one query per pointer hop, and the facts gathered by it. */
    private Uni<Map<UUID, Held>> holders(Map<UUID, List<Fact>> factsByCustomer, int hops) {
        return loadAll(factsByCustomer.keySet()).chain(loaded -> {
            Map<UUID, Held> held = new LinkedHashMap<>();
            Map<UUID, List<Fact>> forwarded = new LinkedHashMap<>();
            factsByCustomer.forEach((customerId, facts) -> {
                ProfileDocument profile = loaded.getOrDefault(customerId, ProfileDocument.empty(customerId));
                if (profile.merged() && hops < MAX_POINTER_HOPS) {
                    forwarded.computeIfAbsent(profile.mergedInto(), survivor -> new ArrayList<>()).addAll(facts);
                } else {
                    held.put(customerId, new Held(profile, facts));
                }
            });
            if (forwarded.isEmpty()) {
                return Uni.createFrom().item(held);
            }
            return holders(forwarded, hops + 1).map(survivors -> {
                survivors.forEach((id, survivor) -> held.merge(id, survivor, Held::with));
                return held;
            });
        });
    }

    private Uni<Map<UUID, ProfileDocument>> loadAll(Collection<UUID> customerIds) {
        return profiles.find(Filters.in("_id", customerIds.stream().map(UUID::toString).toList())).map(ProfileCodec::fromBson)
                .collect().asMap(ProfileDocument::customerId);
    }

    /**
     * New profiles are inserted one by one (the MongoDB-wire test server does not report an insert that lost to a
     * concurrent one inside a bulk request); the replacements go in one bulk request. Any write that did not happen is
     * a conflict: the caller folds again.
     */
    private Uni<Void> writeAll(List<Change> changes) {
        List<Change> inserts = changes.stream().filter(change -> change.current().revision() == 0).toList();
        List<WriteModel<Document>> replacements = changes.stream().filter(change -> change.current().revision() > 0)
                .map(change -> (WriteModel<Document>) new ReplaceOneModel<>(casFilter(change.current()), bson(change.next()))).toList();
        List<Uni<Boolean>> writes = new ArrayList<>();
        inserts.forEach(change -> writes.add(insert(bson(change.next()))));
        if (!replacements.isEmpty()) {
            writes.add(profiles.bulkWrite(replacements, new BulkWriteOptions().ordered(false))
                    .map(result -> result.getMatchedCount() == replacements.size()));
        }
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(writes).andFailFast().invoke(written -> {
            if (written.contains(false)) {
                throw new ConcurrentChange();
            }
        }).replaceWithVoid();
    }

    private Uni<Boolean> insert(Document profile) {
        return profiles.insertOne(profile).map(inserted -> true).onFailure(MongoErrors::duplicateKey).recoverWithItem(false);
    }

    private Document bson(ProfileDocument profile) {
        Document bson = ProfileCodec.toBson(profile, phones);
        bson.put("revision", profile.revision());
        return bson;
    }

    /** A profile as read, what the facts make of it, and the next revision it will be stored under. */
    private record Change(ProfileDocument current, ProfileDocument changed) {
        boolean changes() {
            return !changed.equals(current);
        }

        ProfileDocument next() {
            return new ProfileDocument(changed.customerId(), changed.mergedInto(), changed.erasedAt(), changed.state(),
                    changed.appliedEvents(), current.revision() + 1);
        }
    }

    /** A profile and the facts bound for it. */
    private record Held(ProfileDocument profile, List<Fact> facts) {
        Held with(Held more) {
            List<Fact> all = new ArrayList<>(facts);
            all.addAll(more.facts());
            return new Held(profile, all);
        }
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
        return mergeChain(customerId).chain(chain -> updateHolder(chain, change));
    }

    /** Changes the last profile of a chain {@link #mergeChain} read, or, if it was merged since, the one it leads to now. */
    public Uni<ProfileDocument> updateHolder(List<UUID> chain, UnaryOperator<ProfileDocument> change) {
        return update(chain.getLast(), profile -> profile.merged() ? profile : change.apply(profile))
                .chain(updated -> updated.merged() && !chain.contains(updated.mergedInto())
                        ? updateFollowingMerges(updated.mergedInto(), change) : Uni.createFrom().item(updated));
    }

    /**
     * The customer, then each one its profile points to in turn, up to the profile that holds it now (the last; the
     * customer alone when it was not merged). A pointer back into the chain ends it.
     */
    public Uni<List<UUID>> mergeChain(UUID customerId) {
        return mergeChain(List.of(customerId));
    }

    private Uni<List<UUID>> mergeChain(List<UUID> chain) {
        if (chain.size() > MAX_POINTER_HOPS) {
            return Uni.createFrom().item(chain);
        }
        return profiles.find(byId(chain.getLast())).collect().first().chain(found -> {
            String next = found == null ? null : found.getString("mergedInto");
            if (next == null || chain.contains(UUID.fromString(next))) {
                return Uni.createFrom().item(chain);
            }
            List<UUID> longer = new ArrayList<>(chain);
            longer.add(UUID.fromString(next));
            return mergeChain(longer);
        });
    }

    private Uni<ProfileDocument> write(ProfileDocument current, ProfileDocument changed) {
        Change change = new Change(current, changed);
        if (!change.changes()) {
            return Uni.createFrom().item(current);
        }
        ProfileDocument next = change.next();
        Document bson = bson(next);
        Uni<Boolean> written = current.revision() == 0 ? insert(bson)
                : profiles.replaceOne(casFilter(current), bson, new ReplaceOptions()).map(result -> result.getMatchedCount() == 1);
        return written.map(ok -> {
            if (!ok) {
                throw new ConcurrentChange();
            }
            return next;
        });
    }

    /** Exactly the fields of the (_id, revision) index, so that even the test server finds the profile through it. */
    private static Document casFilter(ProfileDocument current) {
        return new Document("_id", current.customerId().toString()).append("revision", current.revision());
    }

    private static Bson byId(UUID customerId) {
        return Filters.eq("_id", customerId.toString());
    }

    /** Profiles carrying an identifier (email, phone, national-id..., or a source system and its customer number). */
    public Uni<List<ProfileDocument>> withIdentifier(String type, String value, int limit) {
        return list(Filters.and(Filters.in("search.identifiers", ProfileCodec.identifierKeys(type, value, phones)), live()), limit);
    }

    /**
     * Profiles with a name part or an email starting with the query, or, for a query written like a phone number, a
     * number starting with it however either was written ({@link PhoneKeys}), after a cursor (an id). A query of
     * several words with letters in it ("hanna kov", "Kovács, Hanna") is a name: each word starts a part of it. Name
     * parts compare without accents.
     */
    public Uni<List<ProfileDocument>> search(String query, String after, int limit) {
        List<String> words = NameTokens.words(query);
        if (words.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Bson matches = words.size() > 1 && query.chars().anyMatch(Character::isLetter)
                ? Filters.and(words.stream().map(ProfileStore::namePartStarting).toList())
                : anyKeyStarting(String.join(" ", words));
        Bson filter = Filters.and(matches, live());
        return list(after == null ? filter : Filters.and(filter, Filters.gt("_id", after)), limit);
    }

    private Bson anyKeyStarting(String lower) {
        List<Bson> matches = new java.util.ArrayList<>(List.of(namePartStarting(lower),
                Filters.regex("search.emails", starting(lower))));
        phones.searchPrefixes(lower).forEach(digits -> matches.add(Filters.regex("search.phones", starting(digits))));
        return Filters.or(matches);
    }

    /** Profiles stored before the unaccented keys hold only the accented part: an accented word looks for both. */
    private static Bson namePartStarting(String word) {
        String folded = NameTokens.folded(word);
        return folded.equals(word) ? Filters.regex("search.names", starting(word))
                : Filters.or(Filters.regex("search.names", starting(folded)), Filters.regex("search.names", starting(word)));
    }

    private static Pattern starting(String prefix) {
        return Pattern.compile("^" + Pattern.quote(prefix));
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
    public static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super("the profile changed concurrently", null, false, false);
        }
    }
}
