package dev.panorama.journeys.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.panorama.devstack.suite.LocalSuite.ServiceInstance;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.common.PersonName;
import dev.panorama.events.source.SourceRecord;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Json;
import dev.panorama.journeys.suite.Contacts;
import dev.panorama.journeys.suite.Eventually;
import dev.panorama.journeys.suite.Panorama;
import dev.panorama.journeys.suite.WholeSuite;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scale-out: a second instance of each service that consumes channel contacts or source records (interaction, profile,
 * identity) joins its consumer group; the instances share the partitions, both consume, and under a burst of new
 * customers and their contacts nothing is lost or doubled: every customer is one customer, every contact is once in
 * its timeline, every profile counts exactly its contacts. (How much throughput a second instance adds is measured by
 * the scale-out benchmark, not here.)
 */
@Order(9)
@ExtendWith(WholeSuite.class)
class ScaleOutIT {

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String SHOP = "scale-shop";
    private static final int CUSTOMERS = 24;
    private static final int CONTACTS_EACH = 2;
    /** Each scaled service, the group it consumes in and a topic of that group the burst goes through. */
    private static final List<String[]> SCALED = List.of(
            new String[] {"interaction-service", "interaction-service", Topics.CHANNEL_INBOUND},
            new String[] {"profile-service", "profile-service", Topics.INTERACTIONS},
            new String[] {"identity-service", "identity-service", Topics.SOURCE_RECORDS});

    @Test
    void two_instances_share_the_partitions_and_nothing_is_lost_or_doubled(Panorama panorama) {
        List<CompletableFuture<ServiceInstance>> starting = SCALED.stream()
                .map(scaled -> CompletableFuture.supplyAsync(() -> panorama.startInstance(scaled[0]))).toList();
        List<ServiceInstance> seconds = starting.stream().map(CompletableFuture::join).toList();
        try (ConsumerGroups groups = new ConsumerGroups(panorama.kafkaBootstrapServers());
                RawRecords raw = new RawRecords(panorama.kafkaBootstrapServers())) {
            Eventually.assertThat("each group's partitions are shared by both instances", () -> {
                for (String[] scaled : SCALED) {
                    assertThat(groups.partitionsByInstance(scaled[1], scaled[2])).as(scaled[1] + " on " + scaled[2]).hasSize(2);
                }
            });
            Map<String, Map<TopicPartition, Long>> committedBefore = committed(groups);

            List<String> emails = new ArrayList<>();
            Random random = new Random(RUN.hashCode());
            for (int i = 0; i < CUSTOMERS; i++) {
                String email = "scale-" + RUN + "-" + i + "@example.org";
                emails.add(email);
                SourceRecord record = new SourceRecord(SHOP, "SC-" + RUN + "-" + i, Instant.now(),
                        new PersonName(null, word(random), null, word(random), null), null, List.of(email), List.of(),
                        List.of(), List.of());
                raw.send(Topics.SOURCE_RECORDS, SHOP + ":" + record.sourceId(), Json.write(record),
                        RawRecords.cloudEvent(EventType.SOURCE_RECORD.ceType()));
            }
            Caller alice = panorama.user("alice");
            Map<String, String> customers = new HashMap<>();
            for (String email : emails) {
                customers.put(email, PoisonMessagesIT.customerWithEmail(alice, email));
            }
            assertThat(customers.values()).as("every new record is a customer of its own").doesNotHaveDuplicates();
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int contact = 0; contact < CONTACTS_EACH; contact++) {
                for (int i = 0; i < CUSTOMERS; i++) {
                    raw.send(Topics.CHANNEL_INBOUND, "scale-" + RUN + "-" + i, Json.write(Contacts.inbound(Channel.EMAIL,
                            messageId(i, contact), at.plusSeconds(contact), emails.get(i), null, null, "scale", "contact " + contact,
                            null)), Map.of());
                }
            }

            Caller sam = panorama.user("sam");
            Eventually.assertThat("every contact is once in its customer's timeline and counted once by the profile", () -> {
                for (int i = 0; i < CUSTOMERS; i++) {
                    String customerId = customers.get(emails.get(i));
                    JsonNode timeline = sam.get("/api/v1/customers/" + customerId + "/interactions?limit=100").expect(200);
                    assertThat(timeline.path("items").findValuesAsText("sourceMessageId")).as("timeline " + i)
                            .containsExactlyInAnyOrder(messageId(i, 0), messageId(i, 1));
                    assertThat(alice.get("/api/v1/profiles/" + customerId).expect(200).path("interactions").path("total").asLong())
                            .as("profile " + i).isEqualTo(CONTACTS_EACH);
                }
            });
            for (String email : emails) {
                assertThat(PoisonMessagesIT.customerWithEmail(alice, email)).isEqualTo(customers.get(email));
            }
            Eventually.assertThat("both instances of each group committed records of the burst", () -> {
                Map<String, Map<TopicPartition, Long>> committedAfter = committed(groups);
                for (String[] scaled : SCALED) {
                    Map<String, Long> byInstance = consumedByInstance(groups.assignment(scaled[1], scaled[2]),
                            committedBefore.get(scaled[1]), committedAfter.get(scaled[1]));
                    System.out.println("scale-out: " + scaled[1] + " on " + scaled[2] + ", records of the burst by instance: " + byInstance);
                    assertThat(byInstance).as(scaled[1] + " instances").hasSize(2);
                    byInstance.forEach((instance, records) -> assertThat(records).as(scaled[1] + " instance " + instance).isPositive());
                }
            });
            for (String[] scaled : SCALED) {
                assertThat(groups.partitionsByInstance(scaled[1], scaled[2])).as(scaled[1] + " still shared").hasSize(2);
            }
        } finally {
            seconds.forEach(ServiceInstance::close);
        }
    }

    /** A made-up name of ten letters: two of them are as unlike as two people's names, so identity links none. */
    private static String word(Random random) {
        StringBuilder word = new StringBuilder().append((char) ('A' + random.nextInt(26)));
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String messageId(int customer, int contact) {
        return "scale-" + RUN + "-" + customer + "-" + contact;
    }

    private static Map<String, Map<TopicPartition, Long>> committed(ConsumerGroups groups) {
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        SCALED.forEach(scaled -> committed.put(scaled[1], groups.committed(scaled[1], scaled[2])));
        return committed;
    }

    /** Records each instance committed since {@code before}, over the partitions it holds now. */
    private static Map<String, Long> consumedByInstance(Map<String, List<TopicPartition>> assignment, Map<TopicPartition, Long> before,
            Map<TopicPartition, Long> after) {
        Map<String, Long> consumed = new java.util.TreeMap<>();
        assignment.forEach((instance, partitions) -> consumed.put(instance, partitions.stream()
                .mapToLong(partition -> after.getOrDefault(partition, 0L) - before.getOrDefault(partition, 0L)).sum()));
        return consumed;
    }
}
