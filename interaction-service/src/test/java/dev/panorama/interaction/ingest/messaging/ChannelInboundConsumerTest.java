package dev.panorama.interaction.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.interaction.config.InteractionConfig;
import dev.panorama.interaction.ingest.Contact;
import dev.panorama.interaction.ingest.IngestOutcome;
import dev.panorama.interaction.ingest.IngestService;
import dev.panorama.interaction.support.Contacts;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What the consumer does with a batch the store fails: wait out an unavailable MongoDB, dead-letter only what the store refuses. */
class ChannelInboundConsumerTest {

    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private final DeadLetters deadLetters = new DeadLetters(null) {
        @Override
        public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
            deadLettered.add(record.value() + " <- " + reason);
            return Uni.createFrom().voidItem();
        }
    };

    @Test
    void aBatchIsStoredAgainWhileMongoDbIsUnavailableAndNothingIsDeadLettered() {
        ScriptedIngest ingest = new ScriptedIngest(contact -> false,
                new MongoTimeoutException("Timed out while waiting for a server that matches WritableServerSelector"),
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress("127.0.0.1", 27017)));
        ChannelMessage first = contact();
        ChannelMessage second = contact();

        consumer(ingest).consume(batch(first, second)).await().atMost(Duration.ofSeconds(30));

        assertThat(ingest.attempts).as("twice refused while MongoDB was down, then the whole batch at once")
                .containsExactly(2, 2, 2);
        assertThat(ingest.stored).containsExactly(first.sourceMessageId(), second.sourceMessageId());
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void aContactTheStoreRefusesGoesToTheDeadLetterTopicWithTheReasonAndTheRestIsStored() {
        ChannelMessage refused = contact();
        ChannelMessage fine = contact();
        ScriptedIngest ingest = new ScriptedIngest(contact -> contact.message().sourceMessageId().equals(refused.sourceMessageId()));

        consumer(ingest).consume(batch(refused, fine)).await().atMost(Duration.ofSeconds(30));

        assertThat(ingest.attempts).as("the batch, then each contact on its own").containsExactly(2, 1, 1);
        assertThat(ingest.stored).containsExactly(fine.sourceMessageId());
        assertThat(deadLettered).singleElement().asString().contains(refused.sourceMessageId())
                .endsWith("<- cannot be stored: IllegalStateException: the store refuses " + refused.sourceMessageId());
    }

    private ChannelInboundConsumer consumer(IngestService ingest) {
        return new ChannelInboundConsumer(ingest, deadLetters, config());
    }

    private static InteractionConfig config() {
        InteractionConfig.Ingest ingest = stub(InteractionConfig.Ingest.class, Map.of("maxTextLength", 100_000,
                "liveChannels", Set.of("PHONE", "CHAT", "VIDEO"), "offerReferencePattern", "\\b(OFR-[A-Z0-9]{3,20})\\b"));
        InteractionConfig.Identity identity = stub(InteractionConfig.Identity.class, Map.of("concurrency", 4));
        return stub(InteractionConfig.class, Map.of("ingest", ingest, "identity", identity));
    }

    private static ChannelMessage contact() {
        return Contacts.inbound(Channel.EMAIL, Contacts.uniqueAddress(), Instant.now());
    }

    private static ConsumerRecords<String, String> batch(ChannelMessage... contacts) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (ChannelMessage contact : contacts) {
            records.add(new ConsumerRecord<>("panorama.channel.inbound", 0, records.size(), null, Contacts.json(contact)));
        }
        return new ConsumerRecords<>(Map.of(new TopicPartition("panorama.channel.inbound", 0), records));
    }

    /** An interface answering each named method with the given value (null otherwise). */
    private static <T> T stub(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answers.get(method.getName())));
    }

    /** Fails with the given failures, one per call, then stores every contact but those it refuses. */
    private static final class ScriptedIngest extends IngestService {

        final List<Integer> attempts = new CopyOnWriteArrayList<>();
        final List<String> stored = new CopyOnWriteArrayList<>();
        private final Predicate<Contact> refuses;
        private final Deque<RuntimeException> failures;

        ScriptedIngest(Predicate<Contact> refuses, RuntimeException... failures) {
            super(null, null, null, config());
            this.refuses = refuses;
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public Uni<List<IngestOutcome>> ingest(List<Contact> contacts) {
            attempts.add(contacts.size());
            RuntimeException failure = failures.poll();
            if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            for (Contact contact : contacts) {
                if (refuses.test(contact)) {
                    return Uni.createFrom().failure(new IllegalStateException("the store refuses " + contact.message().sourceMessageId()));
                }
            }
            contacts.forEach(contact -> stored.add(contact.message().sourceMessageId()));
            return Uni.createFrom().item(List.of());
        }
    }
}
