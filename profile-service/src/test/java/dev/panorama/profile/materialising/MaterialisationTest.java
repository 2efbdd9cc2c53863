package dev.panorama.profile.materialising;

import static dev.panorama.profile.materialising.EventPublisher.publish;
import static dev.panorama.profile.materialising.Profiles.awaitProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.backoffice.AccountUpdated;
import dev.panorama.events.backoffice.CaseClosed;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.SourceRef;
import dev.panorama.events.identity.CustomerErased;
import dev.panorama.events.identity.CustomerSplit;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.identity.LinkDecision;
import dev.panorama.events.identity.RecordLinked;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.routing.TaskCompleted;
import dev.panorama.events.routing.TaskOutcome;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import com.mongodb.client.model.Filters;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Events on the real broker become profiles in the MongoDB-wire server, read back through the API. */
@QuarkusTest
class MaterialisationTest {

    @Inject
    ReactiveMongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    private static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    @Test
    void contactsAndTasksShowInTheProfile() {
        UUID customer = UUID.randomUUID();
        publish(customer.toString(), contact(customer, UUID.randomUUID(), Channel.CHAT, T0));
        UUID task = UUID.randomUUID();
        publish(customer.toString(), new TaskAssigned(task, "agent-7", customer, Channel.CHAT, "q-chat", 1200, T0));
        publish(customer.toString(), new TaskCompleted(task, "agent-7", customer, TaskOutcome.COMPLETED, "answered", 60_000, T0.plusSeconds(60)));

        // contacts and tasks travel on different topics: either may arrive first
        var profile = awaitProfile(customer, p -> p.getString("recentAgents[0].outcome") != null && p.getInt("interactions.total") > 0);

        assertThat(profile.getInt("interactions.total")).isEqualTo(1);
        assertThat(profile.getString("interactions.preferredChannel")).isEqualTo("CHAT");
        assertThat(profile.getString("recentAgents[0].agentId")).isEqualTo("agent-7");
        assertThat(profile.getString("recentAgents[0].disposition")).isEqualTo("answered");
    }

    @Test
    void aRedeliveredEventIsAppliedOnceInEffect() {
        UUID customer = UUID.randomUUID();
        InteractionLogged first = contact(customer, UUID.randomUUID(), Channel.EMAIL, T0);
        String id = publish(customer.toString(), first);
        publish(customer.toString(), first, id);
        publish(customer.toString(), first);
        // same key, same partition: once the marker shows, every redelivery before it has been applied
        publish(customer.toString(), contact(customer, UUID.randomUUID(), Channel.PHONE, T0.plusSeconds(5)));

        var profile = awaitProfile(customer, p -> p.getInt("interactions.total") >= 2);

        assertThat(profile.getInt("interactions.total")).isEqualTo(2);
        assertThat(profile.getList("interactions.channels.contacts", Integer.class)).containsExactly(1, 1);
    }

    @Test
    void lateEventsDoNotRollTheProfileBack() {
        UUID customer = UUID.randomUUID();
        String number = "N-" + customer;
        link(customer, "bank", number);
        publish(number, new CaseClosed("bank", number, "K-1", "refunded", T0.plusSeconds(600)));
        publish(number, new AccountUpdated("bank", number, "A-1", "savings", "retail", "open", new BigDecimal("900.50"), "EUR", null, T0.plusSeconds(60)));
        publish(number, new CaseOpened("bank", number, "K-1", CaseKind.COMPLAINT, "fees", "high", T0));
        publish(number, new AccountUpdated("bank", number, "A-1", "savings", "retail", "open", new BigDecimal("10.00"), "EUR", null, T0));
        publish(number, new OrderPlaced("bank", number, "O-1", List.of(), new BigDecimal("5"), "EUR", T0));

        var profile = awaitProfile(customer, p -> p.getList("recentOrders").size() == 1);

        assertThat(profile.getDouble("holdings[0].balance")).isEqualTo(900.5);
        assertThat(profile.getList("openCases")).isEmpty();
        assertThat(profile.getList("returnsAndWarranty")).isEmpty();
    }

    @Test
    void factsForAnUnknownRecordAreParkedAndAppliedWhenIdentityLinksIt() {
        UUID customer = UUID.randomUUID();
        String number = "P-" + customer;
        publish(number, new AccountUpdated("loans", number, "L-1", "mortgage", "lending", "open", new BigDecimal("250000"), "EUR", null, T0));
        publish(number, new CaseOpened("loans", number, "K-9", CaseKind.WARRANTY, "boiler", "low", T0));
        awaitParked(number);
        assertThat(Profiles.status(customer)).isEqualTo(404);

        link(customer, "loans", number);

        var profile = awaitProfile(customer, p -> p.getList("holdings").size() == 1 && p.getList("openCases").size() == 1);
        assertThat(profile.getString("tier")).isEqualTo("platinum");
        assertThat(profile.getString("sourceAccounts[0].customerNumber")).isEqualTo(number);
    }

    @Test
    void aMergeGivesTheSurvivorEverythingAndTheOldIdPointsToIt() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        publish(survivor.toString(), contact(survivor, UUID.randomUUID(), Channel.EMAIL, T0));
        link(merged, "shop", "S-" + merged);
        publish("S-" + merged, new OrderPlaced("shop", "S-" + merged, "O-7", List.of(), BigDecimal.ONE, "EUR", T0));
        awaitProfile(merged, p -> p.getList("recentOrders").size() == 1);

        publish(survivor.toString(), new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.99, T0));

        // the survivor's contact and the merge travel on different topics: either may be folded first
        var united = awaitProfile(survivor, p -> p.getList("recentOrders").size() == 1 && p.getInt("interactions.total") == 1);
        assertThat(united.getString("sourceAccounts[0].customerNumber")).isEqualTo("S-" + merged);
        assertThat(awaitProfile(merged, p -> p.getString("mergedInto") != null).getString("mergedInto")).isEqualTo(survivor.toString());

        publish(merged.toString(), contact(merged, UUID.randomUUID(), Channel.SMS, T0.plusSeconds(9)));
        assertThat(awaitProfile(survivor, p -> p.getInt("interactions.total") == 2).getString("customerId")).isEqualTo(survivor.toString());
    }

    @Test
    void aSplitMovesTheRecordsFactsToTheNewCustomerAndLaterOnesFollow() {
        UUID original = UUID.randomUUID();
        UUID split = UUID.randomUUID();
        link(original, "crm", "C-" + original);
        link(original, "shop", "S-" + original);
        publish("C-" + original, new OrderPlaced("crm", "C-" + original, "O-1", List.of(), BigDecimal.ONE, "EUR", T0));
        publish("S-" + original, new OrderPlaced("shop", "S-" + original, "O-2", List.of(), BigDecimal.TEN, "EUR", T0));
        awaitProfile(original, p -> p.getList("recentOrders").size() == 2);

        publish(original.toString(), new CustomerSplit(UUID.randomUUID(), original, split,
                List.of(new SourceRef("shop", "S-" + original)), "wrong merge", "dana", T0));

        var moved = awaitProfile(split, p -> p.getList("recentOrders").size() == 1);
        assertThat(moved.getString("recentOrders[0].orderId")).isEqualTo("O-2");
        var kept = awaitProfile(original, p -> p.getList("recentOrders").size() == 1);
        assertThat(kept.getString("recentOrders[0].orderId")).isEqualTo("O-1");
        assertThat(kept.getList("sourceAccounts.sourceSystem")).containsExactly("crm");

        publish("S-" + original, new OrderPlaced("shop", "S-" + original, "O-3", List.of(), BigDecimal.TEN, "EUR", T0));
        awaitProfile(split, p -> p.getList("recentOrders").size() == 2);
    }

    @Test
    void aSplitMovesTheContactsOfTheMovedSenderRecordLikeTheTimelineButContactsWithNoSenderRecordAndTasksStay() {
        UUID original = UUID.randomUUID();
        UUID split = UUID.randomUUID();
        String address = "ann-" + original + "@example.org";
        link(original, "crm", "C-" + original);
        link(original, "channel-email", address);
        publish(original.toString(), contact(original, UUID.randomUUID(), Channel.EMAIL, T0, new SourceRef("channel-email", address)));
        publish(original.toString(), contact(original, UUID.randomUUID(), Channel.PHONE, T0, new SourceRef("channel-phone", "+447700900123")));
        publish(original.toString(), contact(original, UUID.randomUUID(), Channel.CHAT, T0));
        UUID task = UUID.randomUUID();
        publish(original.toString(), new TaskCompleted(task, "agent-7", original, TaskOutcome.COMPLETED, "answered", 60_000, T0));
        awaitProfile(original, p -> p.getInt("interactions.total") == 3 && p.getList("recentAgents").size() == 1);

        publish(original.toString(), new CustomerSplit(UUID.randomUUID(), original, split,
                List.of(new SourceRef("channel-email", address)), "two people", "dana", T0.plusSeconds(60)));

        var moved = awaitProfile(split, p -> p.getInt("interactions.total") == 1);
        assertThat(moved.getList("interactions.channels.channel")).containsExactly("EMAIL");
        assertThat(moved.getList("recentAgents")).isEmpty();
        var kept = awaitProfile(original, p -> p.getInt("interactions.total") == 2);
        assertThat(kept.getList("interactions.channels.channel")).containsExactlyInAnyOrder("PHONE", "CHAT");
        assertThat(kept.getString("recentAgents[0].taskId")).isEqualTo(task.toString());
    }

    @Test
    void anUndoneMergeGivesTheCustomerMergedBeforeItsProfileBack() {
        UUID survivor = UUID.randomUUID();
        UUID merged = UUID.randomUUID();
        link(survivor, "crm", "C-" + survivor);
        link(merged, "shop", "S-" + merged);
        publish("C-" + survivor, new OrderPlaced("crm", "C-" + survivor, "O-1", List.of(), BigDecimal.ONE, "EUR", T0));
        publish("S-" + merged, new OrderPlaced("shop", "S-" + merged, "O-7", List.of(), BigDecimal.TEN, "EUR", T0));
        awaitProfile(merged, p -> p.getList("recentOrders").size() == 1);
        publish(survivor.toString(), new CustomersMerged(UUID.randomUUID(), survivor, List.of(merged), "same person", "dana", 0.99, T0));
        awaitProfile(survivor, p -> p.getList("recentOrders").size() == 2);

        // identity-service announces an undone merge as a split of the survivor back into the customer merged before
        publish(survivor.toString(), new CustomerSplit(UUID.randomUUID(), survivor, merged,
                List.of(new SourceRef("shop", "S-" + merged)), "undo: not the same person", "dana", T0.plusSeconds(60)));

        var restored = awaitProfile(merged, p -> p.getString("mergedInto") == null && p.getList("recentOrders").size() == 1);
        assertThat(restored.getString("recentOrders[0].orderId")).isEqualTo("O-7");
        assertThat(restored.getList("sourceAccounts.sourceSystem")).containsExactly("shop");
        var kept = awaitProfile(survivor, p -> p.getList("recentOrders").size() == 1);
        assertThat(kept.getString("recentOrders[0].orderId")).isEqualTo("O-1");

        publish("S-" + merged, new OrderPlaced("shop", "S-" + merged, "O-8", List.of(), BigDecimal.TEN, "EUR", T0));
        awaitProfile(merged, p -> p.getList("recentOrders").size() == 2);
        assertThat(awaitProfile(survivor, p -> true).getList("recentOrders")).hasSize(1);
    }

    @Test
    void anErasedCustomersProfileIsGoneAndLateEventsDoNotReviveIt() {
        UUID customer = UUID.randomUUID();
        publish(customer.toString(), contact(customer, UUID.randomUUID(), Channel.EMAIL, T0));
        awaitProfile(customer, p -> p.getInt("interactions.total") == 1);

        publish(customer.toString(), new CustomerErased(customer, "ada", T0.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Profiles.status(customer) == 404);

        publish(customer.toString(), contact(customer, UUID.randomUUID(), Channel.EMAIL, T0.plusSeconds(2)));
        // a marker on the same key (same partition) shows once the late event before it has been consumed
        UUID marker = UUID.randomUUID();
        publish(customer.toString(), contact(marker, UUID.randomUUID(), Channel.EMAIL, T0));
        awaitProfile(marker, p -> p.getInt("interactions.total") == 1);
        assertThat(Profiles.status(customer)).isEqualTo(404);
    }

    @Test
    void anEventThatCannotBeReadGoesToTheDeadLetterTopicWithTheReason() {
        String poison = "{\"sourceSystem\": \"bank\", \"broken\": " + UUID.randomUUID();
        var headers = CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.ACCOUNT_UPDATED, "/bank", null, Instant.now()));
        EventPublisher.send(Topics.BACKOFFICE_EVENTS, "k", poison, List.of(headers.toArray()));

        ConsumerRecord<String, String> dead = EventPublisher.awaitRecord(Topics.deadLetter(Topics.BACKOFFICE_EVENTS),
                record -> poison.equals(record.value()));
        assertThat(EventPublisher.header(dead, "dead-letter-reason")).contains("not a panorama.backoffice.AccountUpdated.v1");
    }

    @Test
    void anEventWithAMalformedTimeHeaderGoesToTheDeadLetterTopicAndTheTopicFlowsOn() throws Exception {
        UUID customer = UUID.randomUUID();
        InteractionLogged poisoned = contact(customer, UUID.randomUUID(), Channel.EMAIL, T0);
        var headers = CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.INTERACTION_LOGGED, "/interaction-service",
                customer.toString(), Instant.now()));
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday at noon".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        EventPublisher.send(Topics.INTERACTIONS, customer.toString(), dev.panorama.events.EventJson.mapper().writeValueAsString(poisoned),
                List.of(headers.toArray()));
        publish(customer.toString(), contact(customer, UUID.randomUUID(), Channel.PHONE, T0.plusSeconds(1)));

        ConsumerRecord<String, String> dead = EventPublisher.awaitRecord(Topics.deadLetter(Topics.INTERACTIONS),
                record -> record.value().contains(poisoned.interactionId().toString()));
        assertThat(EventPublisher.header(dead, "dead-letter-reason")).contains("ce_time");
        awaitProfile(customer, p -> p.getInt("interactions.total") == 1);
    }

    @Test
    void aFactWithoutItsCustomerNumberGoesToTheDeadLetterTopic() {
        String caseId = "K-" + UUID.randomUUID();
        publish("k", new CaseOpened("desk", "", caseId, CaseKind.RETURN, null, null, T0));

        ConsumerRecord<String, String> dead = EventPublisher.awaitRecord(Topics.deadLetter(Topics.BACKOFFICE_EVENTS),
                record -> record.value().contains(caseId));
        assertThat(EventPublisher.header(dead, "dead-letter-reason")).contains("customerNumber");
    }

    static void link(UUID customer, String system, String number) {
        publish(customer.toString(), new RecordLinked(customer, new SourceRef(system, number), LinkDecision.MATCHED, 0.97, T0));
    }

    static InteractionLogged contact(UUID customer, UUID interaction, Channel channel, Instant at) {
        return contact(customer, interaction, channel, at, null);
    }

    static InteractionLogged contact(UUID customer, UUID interaction, Channel channel, Instant at, SourceRef sender) {
        return new InteractionLogged(interaction, customer, null, channel, Direction.INBOUND, at, "test", "m-" + interaction,
                true, null, List.of(), null, 1, sender);
    }

    /** Parking leaves no trace in the API, so the test looks at the parking place itself. */
    private void awaitParked(String number) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document link = mongo.getDatabase(database).getCollection("source_links")
                    .find(Filters.eq("_id", "loans\u001f" + number)).collect().first().await().atMost(Duration.ofSeconds(5));
            return link != null && link.getList("parked", Document.class).size() == 2;
        });
    }
}
