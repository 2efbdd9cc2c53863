package dev.panorama.bench.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.Java;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.CloudEvents;
import dev.panorama.events.EventJson;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.interaction.InteractionLogged;
import dev.panorama.profile.folding.Contact;
import dev.panorama.profile.folding.ProfileDocument;
import dev.panorama.profile.folding.ProfileState;
import dev.panorama.profile.store.ProfileCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * profile-service on the devstack's Kafka and MongoDB-wire server, two figures each beside a baseline from the
 * same run:
 * <ol>
 * <li>freshness: from an event published to the profile showing it (polling the API), while background events
 * flow at a fixed rate; baseline: the same event from producer to a bare Kafka consumer;</li>
 * <li>profile reads: {@code GET /api/v1/profiles/{id}} with N profiles stored; baseline: the raw {@code findOne}
 * of the same document on the same MongoDB server.</li>
 * </ol>
 * Arguments: background events/s (default 1000), seconds of load (default 20), profiles stored (default 100000).
 */
public final class ProfileBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ProfileBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int stored = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        EnumSet<Part> parts = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);
        DevStack stack = DevStack.shared().ensure(parts);
        int port = Ports.free();
        String database = "profile_bench_" + System.currentTimeMillis();
        try (ManagedProcess service = startService(stack, parts, database, port);
                KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(stack.kafka().bootstrapServers()));
                MongoClient mongo = MongoClients.create(stack.mongo().connectionString())) {
            String base = "http://127.0.0.1:" + port;
            Ports.await("profile-service", Duration.ofMinutes(2), service, () -> status(base + "/q/health/ready", null) == 200);
            String token = KeycloakTokens.forUser("alice");

            double[] broker = brokerBaseline(stack.kafka().bootstrapServers(), producer, 200);
            double[] freshness = freshness(producer, base, token, rate, seconds);
            System.out.printf("freshness under %,d events/s: p50 %.1f ms p99 %.1f ms | baseline Kafka produce->consume p50 %.1f ms"
                    + " p99 %.1f ms | p99 ratio x%.1f%n", rate, freshness[0], freshness[1], broker[0], broker[1], freshness[1] / broker[1]);

            MongoCollection<Document> profiles = mongo.getDatabase(database).getCollection("profiles");
            List<UUID> ids = fill(profiles, stored);
            double[] raw = rawFindOne(profiles, ids, 3000);
            double[] reads = apiReads(base, token, ids, 3000);
            System.out.printf("profile read with %,d stored: p50 %.2f ms p99 %.2f ms | baseline raw findOne p50 %.2f ms p99 %.2f ms"
                    + " | p99 ratio x%.1f%n", profiles.countDocuments(), reads[0], reads[1], raw[0], raw[1], reads[1] / raw[1]);
        } finally {
            DevStack.stopShared();
        }
    }

    /** Probe events among the background ones; each is timed until the API shows it. */
    private static double[] freshness(KafkaProducer<String, String> producer, String base, String token, int rate, int seconds)
            throws Exception {
        ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
        List<UUID> crowd = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            crowd.add(UUID.randomUUID());
        }
        Random random = new Random(11);
        int perTick = Math.max(1, rate / 100);
        background.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                UUID customer = crowd.get(random.nextInt(crowd.size()));
                send(producer, customer, contact(customer, Instant.now()));
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        List<Long> latencies = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        UUID probe = UUID.randomUUID();
        int seen = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            send(producer, probe, contact(probe, Instant.now()));
            seen++;
            while (total(base, token, probe) < seen) {
                Thread.sleep(1);
            }
            latencies.add(System.nanoTime() - start);
            Thread.sleep(50);
        }
        background.shutdownNow();
        return percentiles(latencies);
    }

    private static double[] brokerBaseline(String bootstrap, KafkaProducer<String, String> producer, int count) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<Long> latencies = new ArrayList<>();
        // a first event creates the topic, so the bare consumer has partitions to be given
        UUID warmUp = UUID.randomUUID();
        send(producer, warmUp, contact(warmUp, Instant.now()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(Topics.INTERACTIONS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < count; i++) {
                UUID probe = UUID.randomUUID();
                long start = System.nanoTime();
                send(producer, probe, contact(probe, Instant.now()));
                boolean arrived = false;
                while (!arrived) {
                    for (var record : consumer.poll(Duration.ofMillis(5))) {
                        arrived |= probe.toString().equals(record.key());
                    }
                }
                latencies.add(System.nanoTime() - start);
            }
        }
        return percentiles(latencies);
    }

    private static List<UUID> fill(MongoCollection<Document> profiles, int count) {
        List<UUID> ids = new ArrayList<>(count);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            ProfileState state = new ProfileState(null, null, null, null, null, null, List.of(new Contact(UUID.randomUUID().toString(),
                    new Contact.Logged(Channel.EMAIL, Direction.INBOUND, T0, true, null, 1), null)), null);
            Document document = ProfileCodec.toBson(new ProfileDocument(id, null, null, state, List.of("bench-" + i), 1));
            document.put("revision", 1L);
            batch.add(document);
            if (batch.size() == 1000) {
                profiles.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            profiles.insertMany(batch);
        }
        return ids;
    }

    private static double[] rawFindOne(MongoCollection<Document> profiles, List<UUID> ids, int count) {
        Random random = new Random(3);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = ids.get(random.nextInt(ids.size())).toString();
            long start = System.nanoTime();
            if (profiles.find(Filters.eq("_id", id)).first() == null) {
                throw new IllegalStateException("lost " + id);
            }
            latencies.add(System.nanoTime() - start);
        }
        return percentiles(latencies);
    }

    private static double[] apiReads(String base, String token, List<UUID> ids, int count) {
        Random random = new Random(3);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            long start = System.nanoTime();
            int status = status(base + "/api/v1/profiles/" + id, token);
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
            latencies.add(System.nanoTime() - start);
        }
        return percentiles(latencies);
    }

    private static int total(String base, String token, UUID customer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/profiles/" + customer))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return EventJson.mapper().readTree(response.body()).path("interactions").path("total").asInt();
    }

    private static InteractionLogged contact(UUID customer, Instant at) {
        return new InteractionLogged(UUID.randomUUID(), customer, null, Channel.CHAT, Direction.INBOUND, at, "bench", "b",
                false, null, List.of(), null, 1);
    }

    private static void send(KafkaProducer<String, String> producer, UUID customer, InteractionLogged event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, customer.toString(),
                    EventJson.mapper().writeValueAsString(event));
            CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.INTERACTION_LOGGED, "/bench", customer.toString(), Instant.now()))
                    .forEach(header -> record.headers().add(header));
            producer.send(record);
            producer.flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties producerProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, "0",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return properties;
    }

    private static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6};
    }

    private static ManagedProcess startService(DevStack stack, EnumSet<Part> parts, String database, int port) {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx512m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN"));
        stack.quarkusConfig(parts, database).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("..", "profile-service", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("profile-service", command, Map.of(), stack.settings().logDir().resolve("profile-bench.log"),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    static int status(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
