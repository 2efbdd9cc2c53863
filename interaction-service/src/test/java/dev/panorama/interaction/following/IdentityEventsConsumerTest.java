package dev.panorama.interaction.following;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.identity.CustomersMerged;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.resolution.SenderCache;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The consumer's decision on a failed event: an unavailable MongoDB is waited out, anything else dead-letters it. */
class IdentityEventsConsumerTest {

    private static final ServerAddress SERVER = new ServerAddress("127.0.0.1", 27017);

    @Test
    void aMergeIsAppliedAgainWhileMongoDbIsUnavailableAndNotDeadLettered() throws Exception {
        ScriptedFollower follower = new ScriptedFollower(
                new MongoSocketOpenException("Exception opening socket", SERVER, new ConnectException("Connection refused")),
                new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector"));

        consumer(follower).follow(merge()).await().atMost(Duration.ofSeconds(30));

        assertThat(follower.attempts).as("two attempts while MongoDB was down, then the one that applied it").hasValue(3);
    }

    @Test
    void anEventThatFailsForAnotherReasonFailsAtOnceSoTheConnectorDeadLettersIt() throws Exception {
        ScriptedFollower follower = new ScriptedFollower(new MongoWriteException(
                new WriteError(2, "unknown operator: $bad", new BsonDocument()), SERVER, List.of()));

        assertThatThrownBy(() -> consumer(follower).follow(merge()).await().atMost(Duration.ofSeconds(30)))
                .isInstanceOf(MongoWriteException.class);
        assertThat(follower.attempts).hasValue(1);
    }

    @Test
    void anUnreadableEventIsRefusedWithoutTouchingTheStore() {
        ScriptedFollower follower = new ScriptedFollower();
        ConsumerRecord<String, String> broken = record(EventType.CUSTOMERS_MERGED, "{\"survivorId\": 42");

        assertThatThrownBy(() -> consumer(follower).follow(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a CustomersMerged");
        assertThat(follower.attempts).hasValue(0);
    }

    private static IdentityEventsConsumer consumer(IdentityFollower follower) {
        InteractionConfig.Identity identity = stub(InteractionConfig.Identity.class, Map.of("cacheSize", 100L, "cacheTtl", Duration.ofMinutes(1)));
        InteractionConfig config = stub(InteractionConfig.class, Map.of("identity", identity));
        return new IdentityEventsConsumer(follower, new SenderCache(null, config));
    }

    private static ConsumerRecord<String, String> merge() throws JsonProcessingException {
        CustomersMerged merged = new CustomersMerged(UUID.randomUUID(), UUID.randomUUID(), List.of(UUID.randomUUID()), "duplicate",
                "steward", null, Instant.now());
        return record(EventType.CUSTOMERS_MERGED, EventJson.mapper().writeValueAsString(merged));
    }

    private static ConsumerRecord<String, String> record(EventType type, String value) {
        return new ConsumerRecord<>("panorama.identity.events", 0, 7L, ConsumerRecord.NO_TIMESTAMP, TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key", value,
                CloudEvents.kafkaHeaders(CloudEvents.envelope(type, "/identity-service", null, Instant.now())), java.util.Optional.empty());
    }

    /** An interface answering each named method with the given value (null otherwise). */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName())));
    }

    /** Fails with the given failures, one per attempt, then applies. */
    private static final class ScriptedFollower extends IdentityFollower {

        final AtomicInteger attempts = new AtomicInteger();
        private final Deque<RuntimeException> failures;

        ScriptedFollower(RuntimeException... failures) {
            super(null, stub(ReactiveMongoClient.class, Map.of("getDatabase", stub(ReactiveMongoDatabase.class, Map.of()))), "interaction");
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public Uni<Void> apply(IdentityEvent event) {
            attempts.incrementAndGet();
            RuntimeException failure = failures.poll();
            return failure == null ? Uni.createFrom().voidItem() : Uni.createFrom().failure(failure);
        }
    }
}
