package dev.panorama.bench.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Agents as the simulation plays them: each TaskOffered of the run's tasks on panorama.routing.events (what the
 * agent's console is pushed) is accepted after 20-200 ms, and the task completed after 100-600 ms of handling, or,
 * when the run decides when tasks end ({@link #holding}), handed to it once accepted.
 */
final class SimulatedAgents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RoutingApi api;
    private final Predicate<UUID> ours;
    private final Random random;
    private final KafkaConsumer<String, String> consumer;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread listener;
    /** Where accepted tasks go; null: each is completed after its handling time. */
    private final Consumer<UUID> held;
    /** When each of the run's offers was published: its Kafka record's time, set as the outbox relay sent it. */
    private final Map<UUID, Instant> published = new ConcurrentHashMap<>();

    private SimulatedAgents(RoutingApi api, String bootstrapServers, Predicate<UUID> ours, Random random, Consumer<UUID> held) {
        this.api = api;
        this.ours = ours;
        this.random = random;
        this.held = held;
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "routing-bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        this.consumer = new KafkaConsumer<>(properties);
        this.listener = new Thread(this::listen, "simulated-agents");
    }

    /** Starts listening; returns once the consumer has its partitions, so no offer made afterwards is missed. */
    static SimulatedAgents start(RoutingApi api, String bootstrapServers, Predicate<UUID> ours, Random random) {
        return start(api, bootstrapServers, ours, random, null);
    }

    /** As {@link #start}, but an accepted task is handed to {@code held}, and ends when the run completes it ({@link #complete}). */
    static SimulatedAgents holding(RoutingApi api, String bootstrapServers, Predicate<UUID> ours, Random random, Consumer<UUID> held) {
        return start(api, bootstrapServers, ours, random, held);
    }

    private static SimulatedAgents start(RoutingApi api, String bootstrapServers, Predicate<UUID> ours, Random random,
            Consumer<UUID> held) {
        SimulatedAgents agents = new SimulatedAgents(api, bootstrapServers, ours, random, held);
        agents.consumer.subscribe(List.of(Topics.ROUTING_EVENTS));
        while (agents.consumer.assignment().isEmpty()) {
            agents.consumer.poll(Duration.ofMillis(200));
        }
        agents.consumer.seekToEnd(agents.consumer.assignment());
        agents.consumer.assignment().forEach(agents.consumer::position);
        agents.listener.start();
        return agents;
    }

    private void listen() {
        while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                offered(record);
            }
        }
        consumer.close();
    }

    private void offered(ConsumerRecord<String, String> record) {
        try {
            if (!CloudEvents.fromKafkaHeaders(record.headers()).type().contains(".TaskOffered.")) {
                return;
            }
            JsonNode offer = JSON.readTree(record.value());
            UUID task = UUID.fromString(offer.get("taskId").asText());
            if (ours.test(task)) {
                published.put(UUID.fromString(offer.get("offerId").asText()), Instant.ofEpochMilli(record.timestamp()));
                long delay = 20 + random.nextInt(181);
                timers.schedule(() -> accept(offer.get("offerId").asText(), task), delay, TimeUnit.MILLISECONDS);
            }
        } catch (Exception notAnOffer) {
            // another service's event on the topic
        }
    }

    private void accept(String offerId, UUID task) {
        api.send("POST", "/api/v1/routing/offers/" + offerId + "/acceptance", null).thenAccept(status -> {
            if (status == 200 && held != null) {
                held.accept(task);
            } else if (status == 200) {
                timers.schedule(() -> complete(task), 100 + random.nextInt(501), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The run's offers received so far, with the time each was published. */
    Map<UUID, Instant> publishedOffers() {
        return Map.copyOf(published);
    }

    /** A completion the service could not take now is tried again, so the run always ends. */
    void complete(UUID task) {
        api.send("POST", "/api/v1/routing/tasks/" + task + "/completion", "{}")
                .exceptionally(failure -> -1)
                .thenAccept(status -> {
                    if (status >= 500 || status < 0) {
                        timers.schedule(() -> complete(task), 500, TimeUnit.MILLISECONDS);
                    }
                });
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        listener.join(10_000);
        timers.shutdownNow();
    }
}
