package dev.panorama.profile.store;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.panorama.profile.folding.Fact;
import dev.panorama.profile.folding.Origin;
import dev.panorama.profile.folding.ProfileState;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which customer each source system's record belongs to, as identity's events said, and the facts parked for a
 * record no customer is known for yet. One document per record, so linking and parking meet in one atomic write:
 * a fact is either parked before the link (and handed over by it) or sees the link.
 */
@ApplicationScoped
public class SourceLinks {

    /** A record's customer, and what was parked for it until now. */
    public record Link(UUID customerId, List<Fact> parked) {
    }

    private final ReactiveMongoCollection<Document> links;

    public SourceLinks(ReactiveMongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.links = mongo.getDatabase(database).getCollection("source_links");
    }

    public Uni<Optional<UUID>> customerOf(Origin origin) {
        return links.find(Filters.eq("_id", id(origin))).collect().first()
                .map(found -> Optional.ofNullable(found).map(doc -> doc.getString("customerId")).map(UUID::fromString));
    }

    /** The customers of the records that have one by now, in one query. */
    public Uni<Map<Origin, UUID>> customersOf(Collection<Origin> origins) {
        if (origins.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Map<String, Origin> byId = new HashMap<>();
        origins.forEach(origin -> byId.put(id(origin), origin));
        return links.find(Filters.in("_id", byId.keySet())).filter(found -> found.getString("customerId") != null).collect()
                .asMap(found -> byId.get(found.getString("_id")), found -> UUID.fromString(found.getString("customerId")));
    }

    /**
     * Parks the fact unless the record has a customer by now; the answer is the customer when it has (then the caller
     * applies the fact itself), empty when the fact was parked.
     */
    public Uni<Optional<UUID>> parkUnlessLinked(Origin origin, String eventId, ProfileState facts) {
        return customerOf(origin).chain(customer -> customer.isPresent() ? Uni.createFrom().item(customer)
                : links.updateOne(Filters.and(Filters.eq("_id", id(origin)), Filters.eq("customerId", null)),
                        Updates.addToSet("parked", new Document("eventId", eventId).append("facts", ProfileCodec.stateToBson(facts))),
                        new UpdateOptions().upsert(true))
                        .map(parked -> Optional.<UUID>empty())
                        .onFailure(MongoErrors::duplicateKey).recoverWithUni(() -> parkUnlessLinked(origin, eventId, facts)));
    }

    /** Links the record to the customer and hands over what was parked for it. */
    public Uni<Link> link(Origin origin, UUID customerId) {
        return links.findOneAndUpdate(Filters.eq("_id", id(origin)), Updates.set("customerId", customerId.toString()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))
                .map(document -> new Link(customerId, parked(document)));
    }

    /** Forgets parked facts once their customer's profile holds them. */
    public Uni<Void> unpark(Origin origin, List<Fact> applied) {
        if (applied.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> ids = applied.stream().map(Fact::eventId).toList();
        return links.updateOne(Filters.eq("_id", id(origin)), Updates.pull("parked", Filters.in("eventId", ids)))
                .replaceWithVoid();
    }

    public Uni<Void> deleteAll() {
        return links.deleteMany(new Document()).replaceWithVoid();
    }

    private static List<Fact> parked(Document document) {
        List<Document> parked = document == null ? null : document.getList("parked", Document.class);
        return parked == null ? List.of() : parked.stream()
                .map(p -> new Fact(p.getString("eventId"), ProfileCodec.stateFromBson(p.get("facts", Document.class))))
                .toList();
    }

    private static String id(Origin origin) {
        return origin.sourceSystem() + "\u001f" + origin.customerNumber();
    }

}
