package dev.panorama.bench.profile;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
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
import dev.panorama.profile.phones.PhoneKeys;
import dev.panorama.profile.store.ProfileCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * profile-service on the devstack's Kafka and MongoDB-wire server with N profiles stored, each figure beside a baseline
 * measured in the same run:
 * <ol>
 * <li>freshness while background events flow at a sustained rate (the rate reached is printed; the background events
 * go to the stored customers): a probe event's time from being produced to showing in {@code GET /api/v1/profiles/{id}}
 * (polled every 10 ms, so each figure is up to 10 ms late, and the polls' own load stays small); baseline: the same probe events from being produced to reaching a bare Kafka consumer that reads the same
 * topic under the same load;</li>
 * <li>after the load, the time until the backlog is drained (a last probe shows);</li>
 * <li>profile reads, {@code GET /api/v1/profiles/{id}} of random stored customers (audit entry included), after the
 * backlog drained; baseline: the raw {@code findOne} of the same documents on the same MongoDB server, in alternating
 * blocks so both see the same conditions.</li>
 * </ol>
 * The machine's load average is printed beside each figure (the benchmark shares the machine with whatever runs).
 * Environment variable {@code PROFILE_BENCH_JFR}: a file the service's flight recording is written to.
 * Arguments: background events/s (default 1000), seconds of measured load (default 30, after 10 s of warm-up),
 * profiles stored (default 100000), reads (default 4000).
 */
public final class ProfileBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final PhoneKeys PHONES = new PhoneKeys("GB");
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final Duration PROBE_EVERY = Duration.ofMillis(100);

    private static final String BENCH = "profile";

    private ProfileBench() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int stored = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int reads = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        EnumSet<Part> parts = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);
        DevStack stack = DevStack.shared().ensure(parts);
        int port = Ports.free();
        String database = "profile_bench_" + System.currentTimeMillis();
        String bootstrap = stack.kafka().bootstrapServers();
        try (ManagedProcess service = startService(stack, parts, database, port);
                KafkaProducer<String, String> background = new KafkaProducer<>(producerProperties(bootstrap, "5"));
                KafkaProducer<String, String> probes = new KafkaProducer<>(producerProperties(bootstrap, "0"));
                MongoClient mongo = MongoClients.create(stack.mongo().connectionString())) {
            String base = "http://127.0.0.1:" + port;
            Ports.await("profile-service", Duration.ofMinutes(2), service, () -> status(base + "/q/health/ready", null) == 200);
            MongoCollection<Document> profiles = mongo.getDatabase(database).getCollection("profiles");
            long fillStart = System.nanoTime();
            List<UUID> ids = fill(profiles, stored);
            System.out.printf("%,d profiles stored in %.1f s | load average %s%n", profiles.countDocuments(),
                    (System.nanoTime() - fillStart) / 1e9, loadAverage());

            Freshness freshness = new Freshness(background, probes, bootstrap, base, ids, rate);
            freshness.run(seconds);

            List<Long> api = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            List<Long> floor = new ArrayList<>();
            String token = agentToken();
            Random random = new Random(3);
            for (int block = 0; block < 20; block++) {
                List<UUID> sample = new ArrayList<>();
                for (int i = 0; i < reads / 20; i++) {
                    sample.add(ids.get(random.nextInt(ids.size())));
                }
                raw.addAll(rawFindOne(profiles, sample));
                api.addAll(apiReads(base, token, sample));
                floor.addAll(liveness(base, sample.size()));
            }
            double[] reading = percentiles(api);
            double[] finding = percentiles(raw);
            double[] http = percentiles(floor);
            System.out.printf("profile read with %,d stored, backlog drained (%,d reads, audit entry included): p50 %.2f ms"
                    + " p99 %.2f ms | baseline raw findOne p50 %.2f ms p99 %.2f ms | p50 ratio x%.1f, p99 ratio x%.1f"
                    + " | load average %s%n", profiles.countDocuments(), api.size(), reading[0], reading[1], finding[0],
                    finding[1], reading[0] / finding[0], reading[1] / finding[1], loadAverage());
            System.out.printf("  for scale: GET /q/health/live of the same service (HTTP alone, no token, no database) p50 %.2f ms"
                    + " p99 %.2f ms%n", http[0], http[1]);
            BenchResults.figure(BENCH, String.format("profile read p99, %,d stored, audited", profiles.countDocuments()), reading[1],
                    "ms", "raw findOne p99", finding[1], Figure.Better.LOWER, "p99 < 10 ms");
            BenchResults.figure(BENCH, "profile read p50, audited", reading[0], "ms", "raw findOne p50", finding[0], Figure.Better.LOWER,
                    "");
            BenchResults.latenciesMillis(BENCH, "profile read latency", "GET /api/v1/profiles/{id} (audited)", millis(api));
            BenchResults.latenciesMillis(BENCH, "profile read latency", "raw findOne (baseline)", millis(raw));
        } finally {
            DevStack.stopShared();
        }
    }

    /**
     * Background events at a fixed rate to the stored customers, probe events to one of them every 100 ms; a bare
     * consumer and the profile API each note when they see each probe.
     */
    private static final class Freshness {

        private final KafkaProducer<String, String> background;
        private final KafkaProducer<String, String> probes;
        private final String bootstrap;
        private final String base;
        private final List<UUID> crowd;
        private final int rate;
        private final UUID probe;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final Map<String, Long> consumedAt = new ConcurrentHashMap<>();
        private final AtomicBoolean loading = new AtomicBoolean(true);
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();

        Freshness(KafkaProducer<String, String> background, KafkaProducer<String, String> probes, String bootstrap, String base,
                List<UUID> crowd, int rate) {
            this.background = background;
            this.probes = probes;
            this.bootstrap = bootstrap;
            this.base = base;
            this.crowd = crowd;
            this.rate = rate;
            this.probe = crowd.getFirst();
        }

        void run(int seconds) throws Exception {
            AtomicBoolean consuming = new AtomicBoolean(true);
            CountDownReady ready = new CountDownReady();
            Thread bare = Thread.ofPlatform().name("bare-consumer").daemon().start(() -> bareConsumer(consuming, ready));
            ready.await();
            long[] window = new long[2];
            Thread load = Thread.ofPlatform().name("background-load").daemon().start(() -> backgroundLoad(seconds, window));
            try {
                measure(seconds, window, load, bare, consuming);
            } finally {
                loading.set(false);
                consuming.set(false);
            }
        }

        private void measure(int seconds, long[] window, Thread load, Thread bare, AtomicBoolean consuming) throws Exception {
            String token = agentToken();
            int shown = 1;
            List<Long> visible = new ArrayList<>();
            List<String> measured = new ArrayList<>();
            long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
            long end = warmUpEnd + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                String interaction = sendProbe();
                shown++;
                awaitShown(token, shown);
                if (start >= warmUpEnd) {
                    visible.add(System.nanoTime() - start);
                    measured.add(interaction);
                }
                long next = start + PROBE_EVERY.toNanos();
                while (System.nanoTime() < next) {
                    Thread.sleep(1);
                }
            }
            String loadAverage = loadAverage();
            loading.set(false);
            load.join();
            long drainStart = System.nanoTime();
            sendProbe();
            shown++;
            awaitShown(agentToken(), shown);
            double drained = (System.nanoTime() - drainStart) / 1e9;
            consuming.set(false);
            bare.join();

            List<Long> broker = new ArrayList<>();
            for (String interaction : measured) {
                Long consumed = consumedAt.get(interaction);
                if (consumed == null) {
                    throw new IllegalStateException("the bare consumer missed probe " + interaction);
                }
                broker.add(consumed - sentAt.get(interaction));
            }
            double achieved = acknowledged.get() / ((window[1] - window[0]) / 1e9);
            double[] fresh = percentiles(visible);
            double[] kafka = percentiles(broker);
            System.out.printf("background load: target %,d events/s, reached %,.0f events/s (%,d acknowledged, %d failed)"
                    + " over %.1f s incl. %d s warm-up%n", rate, achieved, acknowledged.get(), failed.get(),
                    (window[1] - window[0]) / 1e9, WARM_UP.toSeconds());
            System.out.printf("freshness under %,.0f events/s (%d probes): produced -> visible in a profile read p50 %.1f ms"
                    + " p99 %.1f ms | baseline Kafka produce -> bare consumer p50 %.1f ms p99 %.1f ms | p99 ratio x%.1f"
                    + " | load average %s%n", achieved, visible.size(), fresh[0], fresh[1], kafka[0], kafka[1],
                    fresh[1] / kafka[1], loadAverage);
            System.out.printf("backlog after the load drained in %.2f s (a last probe shows)%n", drained);
            BenchResults.figure(BENCH, String.format("freshness p99 under %,.0f events/s", achieved), fresh[1], "ms",
                    "Kafka produce -> bare consumer p99", kafka[1], Figure.Better.LOWER, "p99 < 500 ms at 1,000 events/s");
            BenchResults.figure(BENCH, "background rate reached", achieved, "events/s", "target rate", rate, Figure.Better.HIGHER, "");
            BenchResults.latenciesMillis(BENCH, "freshness", "produced -> visible in a profile read", millis(visible));
            BenchResults.latenciesMillis(BENCH, "freshness", "Kafka produce -> bare consumer (baseline)", millis(broker));
        }

        private String sendProbe() {
            UUID interaction = UUID.randomUUID();
            sentAt.put(interaction.toString(), System.nanoTime());
            probes.send(record(probe, contact(interaction, probe, Instant.now())));
            return interaction.toString();
        }

        private void awaitShown(String token, int total) throws Exception {
            long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (total(base, token, probe) < total) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("the probe did not show within 5 minutes");
                }
                Thread.sleep(10);
            }
        }

        /** Sends on schedule (rate x elapsed), so a slow moment is caught up, not lost; acknowledgements are counted. */
        private void backgroundLoad(int seconds, long[] window) {
            Random random = new Random(11);
            long start = System.nanoTime();
            window[0] = start;
            long sent = 0;
            while (loading.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    UUID customer = crowd.get(1 + random.nextInt(crowd.size() - 1));
                    background.send(backgroundRecord(customer), (metadata, failure) -> {
                        if (failure == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    });
                    sent++;
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            background.flush();
            window[1] = System.nanoTime();
        }

        private void bareConsumer(AtomicBoolean consuming, CountDownReady ready) {
            Properties properties = new Properties();
            properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
            // a first event (for a customer of its own) makes sure the topic exists, so the bare consumer has partitions
            UUID someone = UUID.randomUUID();
            probes.send(record(someone, contact(UUID.randomUUID(), someone, Instant.now())));
            probes.flush();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
                consumer.subscribe(List.of(Topics.INTERACTIONS));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                ready.done();
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        if (probe.toString().equals(record.key())) {
                            consumedAt.put(interactionId(record.value()), System.nanoTime());
                        }
                    }
                }
            }
        }
    }

    /** The bare consumer's start, which the probes wait for (it reads from the end of the topic). */
    private static final class CountDownReady {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void done() {
            latch.countDown();
        }

        void await() throws InterruptedException {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the bare consumer got no partitions");
            }
        }
    }

    /** An agent's token; under a heavy machine load Keycloak may miss a first request, so it is asked a few times. */
    private static String agentToken() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return KeycloakTokens.forUser("alice");
            } catch (RuntimeException unreachable) {
                last = unreachable;
            }
        }
        throw last;
    }

    private static List<UUID> fill(MongoCollection<Document> profiles, int count) {
        List<UUID> ids = new ArrayList<>(count);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            ProfileState state = new ProfileState(null, null, null, null, null, null, List.of(new Contact(UUID.randomUUID().toString(),
                    new Contact.Logged(Channel.EMAIL, Direction.INBOUND, T0, true, null, 1, null), null)), null);
            Document document = ProfileCodec.toBson(new ProfileDocument(id, null, null, state, List.of("bench-" + i), 1),
                    PHONES);
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

    private static List<Long> rawFindOne(MongoCollection<Document> profiles, List<UUID> ids) {
        List<Long> latencies = new ArrayList<>();
        for (UUID id : ids) {
            long start = System.nanoTime();
            if (profiles.find(Filters.eq("_id", id.toString())).first() == null) {
                throw new IllegalStateException("lost " + id);
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static List<Long> apiReads(String base, String token, List<UUID> ids) {
        List<Long> latencies = new ArrayList<>();
        for (UUID id : ids) {
            long start = System.nanoTime();
            int status = status(base + "/api/v1/profiles/" + id, token);
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static List<Long> liveness(String base, int count) {
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            if (status(base + "/q/health/live", null) != 200) {
                throw new IllegalStateException("the service is not live");
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static int total(String base, String token, UUID customer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/profiles/" + customer))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return EventJson.mapper().readTree(response.body()).path("interactions").path("total").asInt();
    }

    private static String interactionId(String value) {
        try {
            return EventJson.mapper().readTree(value).path("interactionId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final UUID TEMPLATE_INTERACTION = new UUID(0, 1);
    private static final UUID TEMPLATE_CUSTOMER = new UUID(0, 2);
    private static final String TEMPLATE = json(contact(TEMPLATE_INTERACTION, TEMPLATE_CUSTOMER, T0));

    /** The background events from a template (the generator must not eat the CPU the service needs); each its own ce_id. */
    private static ProducerRecord<String, String> backgroundRecord(UUID customer) {
        String value = TEMPLATE.replace(TEMPLATE_INTERACTION.toString(), UUID.randomUUID().toString())
                .replace(TEMPLATE_CUSTOMER.toString(), customer.toString());
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, customer.toString(), value);
        CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.INTERACTION_LOGGED, "/bench", customer.toString(), Instant.now()))
                .forEach(header -> record.headers().add(header));
        return record;
    }

    private static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InteractionLogged contact(UUID interaction, UUID customer, Instant at) {
        return new InteractionLogged(interaction, customer, null, Channel.CHAT, Direction.INBOUND, at, "bench", "b",
                false, null, List.of(), null, 1);
    }

    private static ProducerRecord<String, String> record(UUID customer, InteractionLogged event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INTERACTIONS, customer.toString(),
                    EventJson.mapper().writeValueAsString(event));
            CloudEvents.kafkaHeaders(CloudEvents.envelope(EventType.INTERACTION_LOGGED, "/bench", customer.toString(), Instant.now()))
                    .forEach(header -> record.headers().add(header));
            return record;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties producerProperties(String bootstrap, String lingerMs) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
        return properties;
    }

    private static double[] percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6};
    }

    /** The 1, 5 and 15 minute load averages of the machine, as uptime prints them. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception unavailable) {
            return "n/a";
        }
    }

    private static ManagedProcess startService(DevStack stack, EnumSet<Part> parts, String database, int port) {
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN"));
        String recording = System.getenv("PROFILE_BENCH_JFR");
        if (recording != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + recording);
        }
        stack.quarkusConfig(parts, database).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("..", "profile-service", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("profile-service", command, Map.of(), stack.settings().logDir().resolve("profile-bench.log"),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    private static double[] millis(List<Long> nanos) {
        return nanos.stream().mapToDouble(nano -> nano / 1e6).toArray();
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
