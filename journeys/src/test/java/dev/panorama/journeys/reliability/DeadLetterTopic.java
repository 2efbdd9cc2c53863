package dev.panorama.journeys.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on a topic's dead-letter topic ({@code <topic>.dlq}), read from its beginning without a consumer group. A
 * dead letter names the record it stands for by the headers every Panorama consumer writes: {@code dead-letter-topic},
 * -partition and -offset, and says why in {@code dead-letter-reason}. Several services consume a topic, each in its
 * group, so one record can be dead-lettered once per consuming service.
 */
final class DeadLetterTopic implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    DeadLetterTopic(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** The reasons of every dead letter standing for that record so far (one per service that refused it). */
    List<String> reasonsFor(RecordMetadata record) {
        if (consumer.assignment().isEmpty() && !assignAll()) {
            return List.of();
        }
        for (int empty = 0; empty < 2; ) {
            var polled = consumer.poll(Duration.ofMillis(200));
            polled.forEach(seen::add);
            empty = polled.isEmpty() ? empty + 1 : 0;
        }
        return seen.stream().filter(letter -> standsFor(letter, record))
                .map(letter -> header(letter, "dead-letter-reason")).toList();
    }

    /** Reads every partition from its beginning, once the DLQ exists (a service makes it with its first dead letter). */
    private boolean assignAll() {
        List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(10)).getOrDefault(topic + ".dlq", List.of())
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return !partitions.isEmpty();
    }

    private boolean standsFor(ConsumerRecord<String, String> letter, RecordMetadata record) {
        return topic.equals(header(letter, "dead-letter-topic"))
                && Integer.toString(record.partition()).equals(header(letter, "dead-letter-partition"))
                && Long.toString(record.offset()).equals(header(letter, "dead-letter-offset"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
