package dev.panorama.journeys.client;

import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventEnvelope;
import dev.panorama.events.EventType;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What back-office systems publish: customer master records on panorama.source-records and business facts
 * on panorama.backoffice.events, as CloudEvents in binary mode, keyed by the system's customer number.
 */
public final class BackOfficeFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String source;

    public BackOfficeFeed(String bootstrapServers, String source) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.source = source;
    }

    /** Publishes one event of the catalogue on its topic and waits until the broker has it. */
    public void publish(String key, Object event) {
        EventType type = EventType.of(event.getClass());
        EventEnvelope envelope = CloudEvents.envelope(type, source, null, Instant.now());
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), null, key, Json.write(event),
                CloudEvents.kafkaHeaders(envelope));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take a " + type.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
