package dev.panorama.devstack.mongo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderedIndexTest {

    private static WireServer server;

    @BeforeAll
    static void start() {
        server = new WireServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void nonUniqueIndexesAreListedAsCreatedAndCreatingThemAgainChangesNothing() {
        MongoCollection<Document> collection = server.database("listing").getCollection("interactions");
        for (int i = 0; i < 2; i++) {
            collection.createIndex(new Document("customerId", 1).append("occurredAt", -1).append("_id", -1),
                    new IndexOptions().name("timeline"));
            collection.createIndex(new Document("pendingId", 1), new IndexOptions().sparse(true).name("pending"));
        }

        List<Document> indexes = collection.listIndexes().into(new ArrayList<>());

        assertThat(indexes).extracting(index -> index.getString("name")).containsExactly("_id_", "timeline", "pending");
        assertThat(indexes.get(1).get("key", Document.class))
                .isEqualTo(new Document("customerId", 1).append("occurredAt", -1).append("_id", -1));
        assertThat(indexes.get(1).get("sparse")).isNull();
        assertThat(indexes.get(2).getBoolean("sparse")).isTrue();
    }

    @Test
    void aTimelinePageIsTheNewestOfOneCustomerAmongOthersAndFollowsChangesToIndexedFields() {
        MongoCollection<Document> collection = server.database("timeline").getCollection("interactions");
        collection.createIndex(new Document("customerId", 1).append("occurredAt", -1).append("_id", -1),
                new IndexOptions().name("timeline"));
        collection.insertMany(IntStream.range(0, 300)
                .mapToObj(i -> new Document("_id", "i" + (1000 + i)).append("customerId", "c" + i % 3).append("occurredAt", i / 2))
                .toList());
        collection.updateOne(Filters.eq("_id", "i1001"), new Document("$set", new Document("occurredAt", 999)));
        collection.updateOne(Filters.eq("_id", "i1297"), new Document("$set", new Document("customerId", "c1")));
        collection.deleteOne(Filters.eq("_id", "i1295"));

        List<String> page = collection.find(Filters.and(Filters.eq("customerId", "c1")))
                .sort(Sorts.descending("occurredAt", "_id")).limit(4).map(document -> document.getString("_id")).into(new ArrayList<>());

        assertThat(page).containsExactly("i1001", "i1298", "i1297", "i1292");
    }

    @Test
    void afterDroppingAnIndexQueriesStillAnswerEverything() {
        MongoCollection<Document> collection = server.database("dropping").getCollection("interactions");
        collection.createIndex(new Document("senderRecord", 1), new IndexOptions().name("sender-record"));
        collection.insertMany(List.of(new Document("_id", 1).append("senderRecord", "r1"), new Document("_id", 2).append("senderRecord", "r1"),
                new Document("_id", 3).append("senderRecord", "r2")));

        collection.dropIndex("sender-record");

        assertThat(collection.find(Filters.eq("senderRecord", "r1")).into(new ArrayList<>()))
                .extracting(document -> document.getInteger("_id")).containsExactly(1, 2);
    }
}
