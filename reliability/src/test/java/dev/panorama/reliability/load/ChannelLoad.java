package dev.panorama.reliability.load;

import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A sustained load of channel messages as channel adapters deliver them, at a fixed rate: every other message on Kafka
 * topic {@code panorama.channel.inbound}, the others {@code POST /api/v1/interactions} through the gateway. Like a real
 * adapter it delivers at least once: a message Kafka did not acknowledge, or the gateway did not answer 2xx, is sent
 * again (same source message id) until it is taken. Every fourth message waits for an agent; the others carry an
 * outcome already.
 */
public final class ChannelLoad implements AutoCloseable {

    private static final String TOPIC = "panorama.channel.inbound";
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final String run;
    private final List<Customer> customers;
    private final Caller adapter;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService kafkaRetries = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService restSenders = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RestAttempt> restAttempts = new ConcurrentLinkedQueue<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong kafkaResends = new AtomicLong();
    private final AtomicLong restRetries = new AtomicLong();

    /** One answer of the gateway to a contact (or none: status 0), for the figures of an outage window. */
    public record RestAttempt(Instant at, int status, long millis, boolean first) {
    }

    public ChannelLoad(String run, List<Customer> customers, Caller adapter, String kafkaBootstrapServers) {
        this.run = run;
        this.customers = List.copyOf(customers);
        this.adapter = adapter;
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // a broker restart takes a while on a loaded machine: keep trying, then the load sends again itself
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Starts sending {@code perSecond} messages a second until {@link #stop()}. */
    public ChannelLoad start(int perSecond) {
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(this::sendNext, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    private void sendNext() {
        try {
            sendOne();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the load must go on
            System.err.println("reliability: making a message failed: " + e);
        }
    }

    private void sendOne() {
        int number = next.getAndIncrement();
        Customer customer = customers.get(number % customers.size());
        boolean needsResponse = number % 4 == 0;
        Sent.Path path = number % 2 == 0 ? Sent.Path.KAFKA : Sent.Path.REST;
        Sent message = new Sent(run + "-" + number, customer.customerId(), path, needsResponse, Instant.now());
        ChannelMessage contact = contact(message, customer);
        sent.add(message);
        pending.incrementAndGet();
        if (path == Sent.Path.KAFKA) {
            sendToKafka(customer.email(), contact);
        } else {
            restSenders.execute(() -> post(contact));
        }
    }

    private ChannelMessage contact(Sent message, Customer customer) {
        List<Participant> participants = new ArrayList<>(List.of(new Participant(ParticipantRole.FROM, customer.email(), null, null)));
        return new ChannelMessage("reliability-adapter", message.messageId(), Channel.EMAIL, Direction.INBOUND,
                message.sentAt().truncatedTo(ChronoUnit.MILLIS), participants, null, "message " + message.messageId(),
                "Load message " + message.messageId(), List.of(), "en", null, List.of(), List.of(), null,
                message.needsResponse() ? null : "answered-by-bot");
    }

    private void sendToKafka(String key, ChannelMessage contact) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, Json.write(contact)), (metadata, failure) -> {
                if (failure == null) {
                    pending.decrementAndGet();
                } else {
                    resendToKafka(key, contact);
                }
            });
        } catch (RuntimeException notTaken) {
            resendToKafka(key, contact);
        }
    }

    private void resendToKafka(String key, ChannelMessage contact) {
        kafkaResends.incrementAndGet();
        kafkaRetries.schedule(() -> sendToKafka(key, contact), RETRY_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(ChannelMessage contact) {
        boolean first = true;
        while (true) {
            long start = System.nanoTime();
            int status;
            try {
                status = adapter.post("/api/v1/interactions", contact).status();
            } catch (RuntimeException noAnswer) {
                status = 0;
            }
            restAttempts.add(new RestAttempt(Instant.now(), status, (System.nanoTime() - start) / 1_000_000, first));
            if (status == 200 || status == 201) {
                pending.decrementAndGet();
                return;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                pending.decrementAndGet();
                throw new IllegalStateException("the gateway refused contact " + contact.sourceMessageId() + " with " + status);
            }
            first = false;
            restRetries.incrementAndGet();
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Stops making new messages and waits until every message made was taken (Kafka acknowledged or 2xx). */
    public void stop(Duration patience) {
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
            Instant deadline = Instant.now().plus(patience);
            while (pending.get() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (pending.get() > 0) {
            throw new IllegalStateException(pending.get() + " messages were still not taken after " + patience);
        }
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public List<RestAttempt> restAttempts() {
        return List.copyOf(restAttempts);
    }

    public long kafkaResends() {
        return kafkaResends.get();
    }

    public long restRetries() {
        return restRetries.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        kafkaRetries.shutdownNow();
        restSenders.shutdownNow();
        producer.close(Duration.ofSeconds(5));
    }
}
