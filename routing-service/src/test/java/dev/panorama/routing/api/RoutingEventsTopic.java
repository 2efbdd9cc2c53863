package dev.panorama.routing.api;

import org.awaitility.Awaitility;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads panorama.routing.events from the real broker, as a consumer service would. */
public final class RoutingEventsTopic {

    private RoutingEventsTopic() {
    }

    /** The CloudEvents types of the events whose JSON mentions {@code text}, in topic order, once there are {@code count}. */
    public static List<ConsumerRecord<String, String>> awaitMentioning(String text, int count) {
        return awaitMatching(record -> record.value() != null && record.value().contains(text), count);
    }

    public static List<ConsumerRecord<String, String>> awaitMatching(Predicate<ConsumerRecord<String, String>> wanted, int count) {
        List<ConsumerRecord<String, String>> found = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties())) {
            consumer.subscribe(List.of(Topics.ROUTING_EVENTS));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
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

    public static String type(ConsumerRecord<String, String> record) {
        return CloudEvents.fromKafkaHeaders(record.headers()).type();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ConsumerConfig.GROUP_ID_CONFIG, "routing-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return properties;
    }
}
