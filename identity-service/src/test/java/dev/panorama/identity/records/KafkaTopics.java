package dev.panorama.identity.records;

import static org.awaitility.Awaitility.await;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces to and reads from the real broker the service uses, with plain kafka-clients (as back-office systems do). */
final class KafkaTopics {

    private KafkaTopics() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends a record; as a back-office system's binary-mode CloudEvent when asked to. */
    static void produce(String topic, String key, String value, boolean cloudEvent) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (cloudEvent) {
                CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.SOURCE_RECORD, "/loans", null, Instant.now()))
                        .forEach(header -> record.headers().add(header));
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The wanted records from the start of the topic, in order, once at least {@code count} of them are there. */
    static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return awaitAll(topic, wanted, count, Duration.ofSeconds(30));
    }

    static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count,
            Duration atMost) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(atMost).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }

    /** Every wanted record on the topic, from its start, once {@code quiet} passed without another one. */
    static List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration quiet) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (wanted.test(record)) {
                        found.add(record);
                        quietSince = System.nanoTime();
                    }
                }
            }
        }
        return found;
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "source-records-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return new KafkaConsumer<>(properties);
    }
}
