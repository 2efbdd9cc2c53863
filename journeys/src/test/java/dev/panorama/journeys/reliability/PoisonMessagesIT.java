package dev.panorama.journeys.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.backoffice.CaseKind;
import dev.panorama.events.backoffice.CaseOpened;
import dev.panorama.events.backoffice.OrderPlaced;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.events.routing.TaskAssigned;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Json;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.WholeSuite;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Poison messages on every topic a service consumes: records that are no JSON, JSON of the wrong shape, no value,
 * no CloudEvents headers, a malformed {@code ce_time}, an unknown event type, sent between good records with the same
 * key (so on the same partition, behind and ahead of them). Each poison lands on the topic's DLQ once per consuming
 * service that cannot read it, with the reason; the good records behind it are processed, as users see it (timeline,
 * profile, routing task, identity).
 */
@Order(7)
@ExtendWith(WholeSuite.class)
class PoisonMessagesIT {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String SHOP = "poison-shop";
    private static final String NOT_JSON = "}{ this is no JSON";

    private static RawRecords raw;

    /** A record no consumer can read, and how many consuming services must refuse it. */
    private record Poison(String what, String value, Map<String, String> headers, int refusals) {
    }

    @BeforeAll
    static void producer(Panorama panorama) {
        raw = new RawRecords(panorama.kafkaBootstrapServers());
    }

    @AfterAll
    static void close() {
        raw.close();
    }

    @Test
    void channel_inbound_poison_goes_to_the_dlq_and_later_contacts_reach_the_timeline(Panorama panorama) {
        String email = "channel-probe-" + RUN + "@example.org";
        String customerId = newCustomer(panorama, "CH-" + RUN, "Channel", email);
        String key = "poison-channel-" + RUN;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String good = Json.write(Contacts.inbound(Channel.EMAIL, "probe-ch-1-" + RUN, now, email, null, null, "probe",
                "first contact", null));
        List<Poison> poisons = List.of(
                new Poison("not JSON", NOT_JSON, Map.of(), 1),
                new Poison("JSON of the wrong shape", "[\"a\", \"contact?\"]", Map.of(), 1),
                new Poison("wrong types", "{\"sourceSystem\":\"contact-centre\",\"messageId\":{\"id\":1},\"channel\":\"EMAIL\"}",
                        Map.of(), 1),
                new Poison("an unknown channel", good.replace("\"EMAIL\"", "\"TELEPATHY\""), Map.of(), 1),
                new Poison("not a contact", "{\"sourceSystem\":\"contact-centre\"}", Map.of(), 1),
                new Poison("no value", null, Map.of(), 1));

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.CHANNEL_INBOUND)) {
            List<RecordMetadata> goods = new ArrayList<>();
            goods.add(raw.send(Topics.CHANNEL_INBOUND, key, good, Map.of()));
            Map<Poison, RecordMetadata> sent = send(Topics.CHANNEL_INBOUND, key, poisons);
            goods.add(raw.send(Topics.CHANNEL_INBOUND, key, Json.write(Contacts.inbound(Channel.EMAIL, "probe-ch-2-" + RUN,
                    now.plusSeconds(1), email, null, null, "probe", "second contact", null)), Map.of()));

            assertRefused(dlq, sent);
            Caller sam = panorama.user("sam");
            Eventually.assertThat("both good contacts are in the customer's timeline", () -> assertThat(
                    sam.get("/api/v1/customers/" + customerId + "/interactions?limit=100").expect(200).path("items")
                            .findValuesAsText("sourceMessageId")).contains("probe-ch-1-" + RUN, "probe-ch-2-" + RUN));
            assertNotRefused(dlq, goods);
        }
    }

    @Test
    void source_record_poison_goes_to_the_dlq_of_identity_and_profile_and_the_next_version_is_resolved(Panorama panorama) {
        String sourceId = "SR-" + RUN;
        String first = "records-probe-" + RUN + "@example.org";
        String second = "records-probe-moved-" + RUN + "@example.org";
        String key = SHOP + ":" + sourceId;
        SourceRecord valid = sourceRecord(sourceId + "-X", "Timeless", "timeless-" + RUN + "@example.org");
        List<Poison> poisons = eventPoisons(EventType.SOURCE_RECORD.ceType(),
                "{\"sourceSystem\":{\"not\":\"text\"},\"sourceId\":[\"x\"]}", Json.write(valid), 2, 2);

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.SOURCE_RECORDS)) {
            List<RecordMetadata> goods = new ArrayList<>();
            goods.add(raw.send(Topics.SOURCE_RECORDS, key, Json.write(sourceRecord(sourceId, "Records", first)),
                    RawRecords.cloudEvent(EventType.SOURCE_RECORD.ceType())));
            Map<Poison, RecordMetadata> sent = send(Topics.SOURCE_RECORDS, key, poisons);
            SourceRecord moved = new SourceRecord(SHOP, sourceId, Instant.now().plusSeconds(1),
                    new PersonName(null, "Probe", null, "Records", null), null, List.of(first, second), List.of(), List.of(), List.of());
            goods.add(raw.send(Topics.SOURCE_RECORDS, key, Json.write(moved), RawRecords.cloudEvent(EventType.SOURCE_RECORD.ceType())));

            assertRefused(dlq, sent);
            Caller alice = panorama.user("alice");
            String customerId = customerWithEmail(alice, first);
            Eventually.assertThat("identity and the profile know the record's next version", () -> {
                assertThat(customerWithEmail(alice, second)).isEqualTo(customerId);
                assertThat(alice.get("/api/v1/profiles/" + customerId).expect(200).path("emails").toString().toLowerCase())
                        .contains(second);
            });
            assertNotRefused(dlq, goods);
            assertThat(alice.get("/api/v1/identity/lookup?type=email&value=timeless-" + RUN + "@example.org").expect(200)
                    .path("customerIds")).as("a refused record is stored nowhere").isEmpty();
        }
    }

    @Test
    void backoffice_poison_goes_to_the_profile_dlq_and_later_facts_reach_the_profile(Panorama panorama) {
        String sourceId = "BO-" + RUN;
        String customerId = newCustomer(panorama, sourceId, "Backoffice", "backoffice-probe-" + RUN + "@example.org");
        String key = SHOP + ":" + sourceId;
        Instant now = Instant.now();
        List<Poison> poisons = eventPoisons(EventType.ORDER_PLACED.ceType(), "{\"orderId\":{\"id\":1},\"lines\":\"none\"}",
                Json.write(new OrderPlaced(SHOP, sourceId, "ORD-X-" + RUN, List.of(), BigDecimal.ONE, "EUR", now)), 1, 1);

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.BACKOFFICE_EVENTS)) {
            List<RecordMetadata> goods = new ArrayList<>();
            goods.add(raw.send(Topics.BACKOFFICE_EVENTS, key, Json.write(new OrderPlaced(SHOP, sourceId, "ORD-" + RUN, List.of(),
                    new BigDecimal("42.00"), "EUR", now)), RawRecords.cloudEvent(EventType.ORDER_PLACED.ceType())));
            Map<Poison, RecordMetadata> sent = send(Topics.BACKOFFICE_EVENTS, key, poisons);
            goods.add(raw.send(Topics.BACKOFFICE_EVENTS, key, Json.write(new CaseOpened(SHOP, sourceId, "CASE-" + RUN,
                    CaseKind.REQUEST, "probe", "low", now)), RawRecords.cloudEvent(EventType.CASE_OPENED.ceType())));

            assertRefused(dlq, sent);
            Caller alice = panorama.user("alice");
            Eventually.assertThat("the order and the case are in the profile", () -> {
                JsonNode profile = alice.get("/api/v1/profiles/" + customerId).expect(200);
                assertThat(profile.path("recentOrders").findValuesAsText("orderId")).containsExactly("ORD-" + RUN);
                assertThat(profile.path("openCases").findValuesAsText("caseId")).containsExactly("CASE-" + RUN);
            });
            assertNotRefused(dlq, goods);
        }
    }

    @Test
    void interactions_poison_goes_to_the_dlq_of_routing_and_profile_and_later_contacts_are_routed_and_counted(Panorama panorama) {
        String email = "interactions-probe-" + RUN + "@example.org";
        String customerId = newCustomer(panorama, "IA-" + RUN, "Interactions", email);
        Caller adapter = panorama.client("channel-adapter");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        InteractionLogged valid = new InteractionLogged(UUID.randomUUID(), UUID.fromString(customerId), null, Channel.EMAIL,
                Direction.INBOUND, now, "contact-centre", "probe-ia-x-" + RUN, false, null, List.of(), null, 1);
        List<Poison> poisons = eventPoisons(EventType.INTERACTION_LOGGED.ceType(),
                "{\"interactionId\":\"not-a-uuid\",\"channel\":\"TELEPATHY\"}", Json.write(valid), 2, 2);

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.INTERACTIONS)) {
            adapter.post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL, "probe-ia-1-" + RUN, now, email, null, null,
                    "probe", "first contact", null)).expect(201);
            Map<Poison, RecordMetadata> sent = send(Topics.INTERACTIONS, customerId, poisons);
            String second = adapter.post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL, "probe-ia-2-" + RUN,
                    now.plusSeconds(1), email, null, null, "probe", "second contact", null)).expect(201).path("interactionId").asText();

            assertRefused(dlq, sent);
            Caller alice = panorama.user("alice");
            Eventually.assertThat("the profile counts both contacts", () -> assertThat(alice.get("/api/v1/profiles/" + customerId)
                    .expect(200).path("interactions").path("total").asLong()).isEqualTo(2));
            Eventually.assertThat("routing made a task of the second contact", () -> assertThat(
                    Tasks.of(panorama.user("sam"), second)).isNotNull());
        }
    }

    @Test
    void routing_events_poison_goes_to_the_profile_dlq_and_later_assignments_reach_the_profile(Panorama panorama) {
        String customerId = newCustomer(panorama, "RE-" + RUN, "Routing", "routing-probe-" + RUN + "@example.org");
        UUID customer = UUID.fromString(customerId);
        Instant now = Instant.now();
        List<Poison> poisons = eventPoisons(EventType.TASK_ASSIGNED.ceType(), "{\"taskId\":\"not-a-uuid\",\"waitMillis\":\"long\"}",
                Json.write(new TaskAssigned(UUID.randomUUID(), "probe-agent-x-" + RUN, customer, Channel.EMAIL, "general", 0, now)),
                1, 1);

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.ROUTING_EVENTS)) {
            List<RecordMetadata> goods = new ArrayList<>();
            goods.add(raw.send(Topics.ROUTING_EVENTS, customerId, Json.write(new TaskAssigned(UUID.randomUUID(),
                    "probe-agent-1-" + RUN, customer, Channel.EMAIL, "general", 1000, now)),
                    RawRecords.cloudEvent(EventType.TASK_ASSIGNED.ceType())));
            Map<Poison, RecordMetadata> sent = send(Topics.ROUTING_EVENTS, customerId, poisons);
            goods.add(raw.send(Topics.ROUTING_EVENTS, customerId, Json.write(new TaskAssigned(UUID.randomUUID(),
                    "probe-agent-2-" + RUN, customer, Channel.EMAIL, "general", 1000, now.plusSeconds(1))),
                    RawRecords.cloudEvent(EventType.TASK_ASSIGNED.ceType())));

            assertRefused(dlq, sent);
            Caller alice = panorama.user("alice");
            Eventually.assertThat("both agents are in the profile", () -> assertThat(alice.get("/api/v1/profiles/" + customerId)
                    .expect(200).path("recentAgents").findValuesAsText("agentId"))
                    .contains("probe-agent-1-" + RUN, "probe-agent-2-" + RUN).doesNotContain("probe-agent-x-" + RUN));
            assertNotRefused(dlq, goods);
        }
    }

    @Test
    void identity_events_poison_goes_to_the_dlq_of_each_follower_and_a_later_merge_reaches_all_of_them(Panorama panorama) {
        String survivor = newCustomer(panorama, "ID-S-" + RUN, "Survivor", "survivor-probe-" + RUN + "@example.org");
        String mergedEmail = "merged-probe-" + RUN + "@example.org";
        String merged = newCustomer(panorama, "ID-M-" + RUN, "Mergedaway", mergedEmail);
        String contact = panorama.client("channel-adapter").post("/api/v1/interactions", Contacts.inbound(Channel.EMAIL,
                "probe-id-1-" + RUN, Instant.now().truncatedTo(ChronoUnit.SECONDS), mergedEmail, null, null, "probe", "a contact",
                null)).expect(201).path("interactionId").asText();
        Caller sam = panorama.user("sam");
        Eventually.assertThat("routing made a task of the contact", () -> assertThat(Tasks.of(sam, contact)).isNotNull());
        CustomersMerged valid = new CustomersMerged(UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()), "probe",
                "probe", null, Instant.now());
        // interaction-service follows only the identity events it acts on and passes over types it does not know
        List<Poison> poisons = eventPoisons(EventType.CUSTOMERS_MERGED.ceType(),
                "{\"mergeId\":\"not-a-uuid\",\"survivorId\":42,\"mergedIds\":\"everyone\"}", Json.write(valid), 3, 2);

        try (DeadLetterTopic dlq = new DeadLetterTopic(panorama.kafkaBootstrapServers(), Topics.IDENTITY_EVENTS)) {
            Map<Poison, RecordMetadata> sent = send(Topics.IDENTITY_EVENTS, survivor, poisons);
            panorama.user("dana").post("/api/v1/identity/merges", Map.of("survivorId", survivor, "mergedIds", List.of(merged),
                    "reason", "reliability probe")).expect(201);

            assertRefused(dlq, sent);
            Caller alice = panorama.user("alice");
            Eventually.assertThat("the merge reaches the timeline, the profile and routing", () -> {
                assertThat(sam.get("/api/v1/customers/" + survivor + "/interactions?limit=100").expect(200).path("items")
                        .findValuesAsText("interactionId")).contains(contact);
                assertThat(alice.get("/api/v1/profiles/" + merged).expect(200).path("mergedInto").asText()).isEqualTo(survivor);
                assertThat(Tasks.of(sam, contact).path("customerId").asText()).isEqualTo(survivor);
            });
        }
    }

    /**
     * The poisons of a topic of events, in the order they are sent.
     *
     * @param refusals            how many services consume the topic (each must refuse each poison)
     * @param unknownTypeRefusals how many of them refuse an event type they do not know rather than pass over it
     */
    private static List<Poison> eventPoisons(String ceType, String wrongShape, String validBody, int refusals,
            int unknownTypeRefusals) {
        Map<String, String> badTime = new HashMap<>(RawRecords.cloudEvent(ceType));
        badTime.put("ce_time", "yesterday at noon");
        String area = ceType.split("\\.")[1];
        return List.of(
                new Poison("not JSON, no CloudEvents headers", NOT_JSON, Map.of(), refusals),
                new Poison("not JSON", NOT_JSON, RawRecords.cloudEvent(ceType), refusals),
                new Poison("JSON of the wrong shape", wrongShape, RawRecords.cloudEvent(ceType), refusals),
                new Poison("no value", null, RawRecords.cloudEvent(ceType), refusals),
                new Poison("a ce_time that is no time", validBody, badTime, refusals),
                new Poison("an unknown type", "{}", RawRecords.cloudEvent("panorama." + area + ".Unheard.v1"), unknownTypeRefusals));
    }

    private static Map<Poison, RecordMetadata> send(String topic, String key, List<Poison> poisons) {
        Map<Poison, RecordMetadata> sent = new java.util.LinkedHashMap<>();
        poisons.forEach(poison -> sent.put(poison, raw.send(topic, key, poison.value(), poison.headers())));
        return sent;
    }

    private static void assertRefused(DeadLetterTopic dlq, Map<Poison, RecordMetadata> sent) {
        Eventually.assertThat("every poison is in the DLQ once per service that consumes the topic, with its reason", () -> {
            for (Map.Entry<Poison, RecordMetadata> poison : sent.entrySet()) {
                List<String> reasons = dlq.reasonsFor(poison.getValue());
                assertThat(reasons).as(poison.getKey().what()).hasSize(poison.getKey().refusals())
                        .allSatisfy(reason -> assertThat(reason).as(poison.getKey().what() + ": the reason").isNotBlank());
            }
        });
        sent.forEach((poison, at) -> System.out.println("poison " + at.topic() + " " + poison.what() + ": " + dlq.reasonsFor(at)));
    }

    private static void assertNotRefused(DeadLetterTopic dlq, List<RecordMetadata> goods) {
        for (RecordMetadata good : goods) {
            assertThat(dlq.reasonsFor(good)).as("a good record at offset " + good.offset() + " is not dead-lettered").isEmpty();
        }
    }

    private static SourceRecord sourceRecord(String sourceId, String family, String email) {
        return new SourceRecord(SHOP, sourceId, Instant.now(), new PersonName(null, "Probe", null, family, null), null,
                List.of(email), List.of(), List.of(), List.of());
    }

    /** A customer of the probe shop (through Kafka, as back-office systems send them), once identity knows them. */
    private static String newCustomer(Panorama panorama, String sourceId, String family, String email) {
        panorama.backOffice().publish(SHOP + ":" + sourceId, sourceRecord(sourceId, family + RUN, email));
        return customerWithEmail(panorama.user("alice"), email);
    }

    static String customerWithEmail(Caller caller, String email) {
        List<String> found = new ArrayList<>();
        Eventually.assertThat("identity knows the customer with that e-mail", () -> {
            JsonNode ids = caller.get("/api/v1/identity/lookup?type=email&value=" + email).expect(200).path("customerIds");
            assertThat(ids).hasSize(1);
            found.add(ids.get(0).asText());
        });
        return found.getLast();
    }
}
