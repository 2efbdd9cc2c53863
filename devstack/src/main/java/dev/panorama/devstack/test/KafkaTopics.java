package dev.panorama.devstack.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces to and reads from the real broker a service under test uses (its {@code kafka.bootstrap.servers}),
 * with plain kafka-clients, as adapters, back-office systems and consuming services do.
 */
public final class KafkaTopics {

    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private KafkaTopics() {
    }

    /** Sends one record with the given headers (a binary-mode CloudEvent's {@code ce_*} headers, or none). */
    public static void produce(String topic, String key, String value, Iterable<? extends Header> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(header -> record.headers().add(header));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** The wanted records from the start of the topic, in topic order, once at least {@code count} are there (30 s at most). */
    public static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        return awaitAll(topic, wanted, count, DEFAULT_WAIT);
    }

    public static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count,
            Duration atMost) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + atMost.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + found.size() + " of " + count + " wanted records on " + topic
                            + " within " + atMost.toSeconds() + " s");
                }
                keepWanted(consumer, wanted, found);
            }
        }
        return found;
    }

    /** Every wanted record on the topic, from its start, once {@code quiet} passed without another one. */
    public static List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> wanted, Duration quiet) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < quiet.toNanos()) {
                if (keepWanted(consumer, wanted, found)) {
                    quietSince = System.nanoTime();
                }
            }
        }
        return found;
    }

    /** The last value of a header as text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean keepWanted(KafkaConsumer<String, String> consumer, Predicate<ConsumerRecord<String, String>> wanted,
            List<ConsumerRecord<String, String>> found) {
        boolean any = false;
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            if (wanted.test(record)) {
                found.add(record);
                any = true;
            }
        }
        return any;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return properties;
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "panorama-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return properties;
    }
}
