package dev.panorama.profile.foundation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The service reaches its real datastore and the real broker. */
@QuarkusTest
class InfrastructureTest {

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    KafkaProbe kafka;

    @Test
    void aDocumentIsWrittenToMongoAndReadBack() {
        ReactiveMongoCollection<Document> collection = mongo.getDatabase(database).getCollection("foundation_probe");
        String id = UUID.randomUUID().toString();
        Date at = new Date();
        collection.insertOne(new Document("_id", id).append("customerId", UUID.randomUUID().toString()).append("at", at))
                .await().atMost(Duration.ofSeconds(10));

        Document stored = collection.find(Filters.eq("_id", id)).collect().first().await().atMost(Duration.ofSeconds(10));

        assertThat(stored).isNotNull();
        assertThat(stored.getDate("at")).isEqualTo(at);
        assertThat(collection.countDocuments(Filters.eq("_id", "no-such-id")).await().atMost(Duration.ofSeconds(10))).isZero();
    }

    @Test
    void aMessageTravelsThroughTheBroker() {
        String payload = "probe-" + UUID.randomUUID();
        kafka.send(payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.received().contains(payload));
    }

    @Test
    void readinessIncludesMongoAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("MongoDB connection health check"));
    }
}
