package dev.panorama.devstack.mongo.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class StoredDocumentsTest {

    @Test
    void storedDocumentsComeBackWithTheirFieldsInTheirOrderNestedOnesIncluded() {
        try (WireServer server = new WireServer()) {
            MongoCollection<Document> collection = server.database("stored").getCollection("interactions");
            Document first = new Document("_id", "a").append("zeta", 1).append("alpha", new Document("y", 2).append("b", List.of(
                    new Document("q", 1).append("c", 2), "text"))).append("mid", null);
            Document second = new Document("_id", "b").append("alpha", 3).append("zeta", new Document("b", 4).append("y", 5));

            collection.insertMany(List.of(first, second));

            List<Document> stored = collection.find().into(new java.util.ArrayList<>());
            assertThat(stored).containsExactly(first, second);
            assertThat(stored.get(0).toJson()).isEqualTo(first.toJson());
            assertThat(stored.get(1).toJson()).isEqualTo(second.toJson());
        }
    }
}
