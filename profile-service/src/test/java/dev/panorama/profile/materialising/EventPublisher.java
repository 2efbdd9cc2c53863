package dev.panorama.profile.materialising;

import dev.panorama.devstack.test.KafkaTopics;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes events to the real broker as the producing services do (CloudEvents binary mode), and reads topics back. */
public final class EventPublisher {

    private static KafkaProducer<String, String> producer;

    private EventPublisher() {
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerProperties());
        }
        return producer;
    }

    /** Publishes an event under a new ce_id; the id is returned so a test can redeliver it. */
    public static String publish(String key, Object event) {
        String id = UUID.randomUUID().toString();
        publish(key, event, id);
        return id;
    }

    public static void publish(String key, Object event, String ceId) {
        EventType type = EventType.of(event.getClass());
        EventEnvelope envelope = new EventEnvelope(ceId, type.ceType(), "/test", key, Instant.now());
        try {
            send(type.topic(), key, EventJson.mapper().writeValueAsString(event), List.of(CloudEvents.kafkaHeaders(envelope).toArray()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(String topic, String key, String value, List<Header> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach(header -> record.headers().add(header));
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first record on the topic that the test wants, waiting up to 30 s. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return KafkaTopics.awaitAll(topic, wanted, 1).getFirst();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaTopics.header(record, name);
    }

    private static Properties producerProperties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return properties;
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
