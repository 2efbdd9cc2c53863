package dev.panorama.interaction.following;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import com.mongodb.client.model.Filters;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.support.Contacts;
import dev.panorama.interaction.support.IdentityControl;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timelines follow identity-service's decisions: merges, splits and erasures arrive on panorama.identity.events. */
@QuarkusTest
class IdentityFollowingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdentityFollower follower;

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @BeforeEach
    void identityUp() {
        IdentityControl.up();
    }

    static String ingest(Channel channel, String address, UUID customerId) {
        IdentityControl.assign(address, customerId);
        return given().auth().oauth2(KeycloakTokens.forClient("channel-adapter")).contentType("application/json")
                .body(Contacts.json(Contacts.inbound(channel, address, Instant.now()))).when().post("/api/v1/interactions")
                .then().statusCode(201).extract().path("interactionId");
    }

    static EventEnvelope publish(Record event, UUID subject) {
        EventEnvelope envelope = CloudEvents.envelope(EventType.of(event.getClass()), "/identity-service", subject.toString(), Instant.now());
        KafkaTopics.produce(Topics.IDENTITY_EVENTS, subject.toString(), Contacts.json(event), CloudEvents.kafkaHeaders(envelope));
        return envelope;
    }

    static ValidatableResponse timeline(UUID customerId) {
        return given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/customers/" + customerId + "/interactions").then()
                .statusCode(200);
    }

    @Test
    void afterAMergeTheSurvivorsTimelineShowsEverythingOfBoth() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String kept = ingest(Channel.EMAIL, Contacts.uniqueAddress(), survivor);
        String moved = ingest(Channel.SMS, "+4477009" + (int) (Math.random() * 100000), merged);

        publish(new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.98, Instant.now()), survivor);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(survivor)
                .body("items.size()", equalTo(2)).body("items.interactionId", hasItems(kept, moved)));
        timeline(merged).body("items.size()", equalTo(0));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get("/api/v1/customers/" + survivor + "/interactions/summary")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void afterASplitTheMovedRecordsContactsFollowThem() {
        UUID original = UUID.randomUUID();
        UUID split = UUID.randomUUID();
        String stayingAddress = Contacts.uniqueAddress();
        String movingAddress = Contacts.uniqueAddress();
        String staying = ingest(Channel.EMAIL, stayingAddress, original);
        String moving = ingest(Channel.EMAIL, movingAddress, original);

        CustomerSplit event = new CustomerSplit(UUID.randomUUID(), original, split,
                List.of(new SourceRef("channel-email", movingAddress.toUpperCase())), "wrong merge", "dana", Instant.now());
        publish(event, original);
        publish(event, original); // a redelivery changes nothing

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(split).body("items.interactionId", equalTo(List.of(moving))));
        timeline(original).body("items.interactionId", equalTo(List.of(staying)));
    }

    @Test
    void anErasedCustomersContactsBecomeAnonymousTombstones() {
        UUID customerId = UUID.randomUUID();
        String address = Contacts.uniqueAddress();
        String id = ingest(Channel.CHAT, address, customerId);
        ingest(Channel.EMAIL, address, customerId);

        publish(new CustomerErased(customerId, "ada", Instant.now()), customerId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> timeline(customerId).body("items.size()", equalTo(0)));
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/interactions/" + id).then().statusCode(410)
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(address)));
        given().auth().oauth2(KeycloakTokens.forUser("sam")).when().get("/api/v1/customers/" + customerId + "/interactions/summary")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anUndoneMergeStaysUndoneWhenRecentMergesAreReapplied() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String address = Contacts.uniqueAddress();
        String contact = ingest(Channel.EMAIL, address, merged);
        Instant beforeTheMerge = Instant.now();

        publish(new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.98, Instant.now()), survivor);
        await().atMost(WAIT).untilAsserted(() -> timeline(survivor).body("items.interactionId", equalTo(List.of(contact))));
        publish(new CustomerSplit(UUID.randomUUID(), survivor, merged, List.of(new SourceRef("channel-email", address)),
                "merge undone", "dana", Instant.now()), survivor);
        await().atMost(WAIT).untilAsserted(() -> timeline(merged).body("items.interactionId", equalTo(List.of(contact))));

        follower.reapplyMergesSince(beforeTheMerge).await().atMost(WAIT);

        timeline(merged).body("items.interactionId", equalTo(List.of(contact)));
        timeline(survivor).body("items.size()", equalTo(0));
    }

    /**
     * The reconciler's pass reads the merge, the split undoes it and moves the contact back, a contact comes in for
     * the customer split off, and only then does the pass re-key: both contacts stay with the customer split off.
     */
    @Test
    void aSplitAfterAPassOfTheReconcilerReadTheMergeStaysDone() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String address = Contacts.uniqueAddress();
        String contact = ingest(Channel.EMAIL, address, merged);
        Instant beforeTheMerge = Instant.now();
        publish(new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.98, Instant.now()), survivor);
        await().atMost(WAIT).untilAsserted(() -> timeline(survivor).body("items.interactionId", equalTo(List.of(contact))));

        IdentityFollower.RecentMerges read = follower.recentMerges(beforeTheMerge).await().atMost(WAIT);
        assertThat(read.redirects()).contains(new IdentityFollower.Redirect(merged, survivor));
        publish(new CustomerSplit(UUID.randomUUID(), survivor, merged, List.of(new SourceRef("channel-email", address)),
                "merge undone", "dana", Instant.now()), survivor);
        await().atMost(WAIT).untilAsserted(() -> timeline(merged).body("items.interactionId", equalTo(List.of(contact))));
        String later = ingest(Channel.SMS, "+4477008" + (int) (Math.random() * 100000), merged);
        follower.reapply(read).await().atMost(WAIT);

        timeline(merged).body("items.interactionId", containsInAnyOrder(contact, later));
        timeline(survivor).body("items.size()", equalTo(0));
    }

    /** What the reconciler is for: a contact whose resolution was in flight when the merge was applied. */
    @Test
    void aContactStoredForAMergedCustomerAfterItsMergeFollowsItToTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        String early = ingest(Channel.EMAIL, Contacts.uniqueAddress(), merged);
        Instant beforeTheMerge = Instant.now();
        publish(new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.98, Instant.now()), survivor);
        await().atMost(WAIT).untilAsserted(() -> timeline(survivor).body("items.interactionId", equalTo(List.of(early))));
        String late = ingest(Channel.EMAIL, Contacts.uniqueAddress(), merged);

        follower.reapplyMergesSince(beforeTheMerge).await().atMost(WAIT);

        timeline(survivor).body("items.interactionId", containsInAnyOrder(early, late));
        timeline(merged).body("items.size()", equalTo(0));
    }

    @Test
    void erasingACustomerLeavesTheContactsOfACustomerSplitOffItAlone() {
        UUID original = UUID.randomUUID();
        UUID split = UUID.randomUUID();
        String stayingAddress = Contacts.uniqueAddress();
        String movingAddress = Contacts.uniqueAddress();
        String staying = ingest(Channel.EMAIL, stayingAddress, original);
        String moving = ingest(Channel.CHAT, movingAddress, original);
        publish(new CustomerSplit(UUID.randomUUID(), original, split, List.of(new SourceRef("channel-chat", movingAddress)),
                "two people", "dana", Instant.now()), original);
        await().atMost(WAIT).untilAsserted(() -> timeline(split).body("items.interactionId", equalTo(List.of(moving))));

        publish(new CustomerErased(original, "ada", Instant.now()), original);

        await().atMost(WAIT).untilAsserted(() -> assertThat(contactsLinkedTo(original)).isZero());
        timeline(original).body("items.size()", equalTo(0));
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/interactions/" + staying).then().statusCode(410);
        given().auth().oauth2(KeycloakTokens.forUser("alice")).when().get("/api/v1/interactions/" + moving).then().statusCode(200)
                .body("customerId", equalTo(split.toString())).body("text", equalTo("Hello, my invoice looks wrong."))
                .body("participants.address", hasItems(movingAddress));
        timeline(split).body("items.interactionId", equalTo(List.of(moving)));
    }

    /** Contacts that name the customer as theirs now or before. */
    private long contactsLinkedTo(UUID customerId) {
        return mongo.getDatabase(database).getCollection("interactions").countDocuments(Filters.or(
                Filters.eq(InteractionDocuments.CUSTOMER_ID, customerId.toString()),
                Filters.eq(InteractionDocuments.FORMER_CUSTOMER_IDS, customerId.toString()))).await().atMost(WAIT);
    }

    @Test
    void anUnreadableIdentityEventGoesToTheDeadLetterTopic() {
        UUID subject = UUID.randomUUID();
        String broken = "{\"survivorId\": \"" + subject + "\", \"mergedIds\": 42";
        KafkaTopics.produce(Topics.IDENTITY_EVENTS, subject.toString(), broken, CloudEvents.kafkaHeaders(
                CloudEvents.envelope(EventType.CUSTOMERS_MERGED, "/identity-service", subject.toString(), Instant.now())));

        var dead = KafkaTopics.awaitAll(Topics.deadLetter(Topics.IDENTITY_EVENTS), record -> broken.equals(record.value()), 1).getFirst();
        assertThat(KafkaTopics.header(dead, "dead-letter-reason")).contains("not a CustomersMerged");
    }
}
