package dev.panorama.bench.interaction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.sun.net.httpserver.HttpServer;
import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.JitCompiler;
import dev.panorama.bench.ProcessCpu;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.mongo.MongoWireServer;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import dev.panorama.devstack.test.KeycloakTokens;
import dev.panorama.events.EventJson;
import dev.panorama.events.Topics;
import dev.panorama.events.channel.Channel;
import dev.panorama.events.channel.ChannelMessage;
import dev.panorama.events.channel.Direction;
import dev.panorama.events.channel.Participant;
import dev.panorama.events.channel.ParticipantRole;
import dev.panorama.interaction.ingest.Ids;
import dev.panorama.interaction.ingest.NewInteraction;
import dev.panorama.interaction.ingest.OfferReferences;
import dev.panorama.interaction.ingest.ResponseNeed;
import dev.panorama.interaction.log.Interaction;
import dev.panorama.interaction.log.InteractionDocuments;
import dev.panorama.interaction.log.InteractionLog;
import dev.panorama.interaction.log.PendingEvent;
import dev.panorama.interaction.log.Resolution;
import dev.panorama.interaction.timeline.InteractionViewDecoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * interaction-service on the devstack broker and MongoDB-wire server, against ceilings measured in the same run:
 * <ol>
 * <li>sustained ingest, contacts produced to {@code panorama.channel.inbound} until their InteractionLogged is on
 * {@code panorama.interactions} (stored and published), beside the raw insert rate of the same MongoDB server (the same
 * documents, insertMany of 500, the same unique index) and the raw consume rate of the broker (the same records);</li>
 * <li>timeline reads for one customer with many contacts among many stored, beside {@code GET /q/health/live}.</li>
 * </ol>
 * identity-service is a stand-in in this JVM answering at once (1,000 distinct senders, as a busy contact centre has
 * repeat senders); the service's sender cache is part of what is measured.
 *
 * <p>Arguments: contacts per run (10000), runs (3), contacts stored for the timeline besides the ingested ones (by
 * default what makes 1,000,000 stored in all), contacts of the timeline's customer (10000). A warm-up run (raw insert,
 * raw consume and pipeline, the same sizes; the pipeline again until the service's JIT compiler has settled) comes first
 * and is printed but not counted: "sustained" is the steady state, after the JIT of every JVM involved has compiled the
 * hot paths. The stored contacts are filled straight into the
 * collection with insertMany of 500, with the service's indexes in place, so the timeline read runs against what the
 * service would have stored.
 *
 * <p>The devstack MongoDB-wire server keeps every document in its heap (about 8 KB per interaction document with its
 * index entries: an 8 GB heap was full near 950,000); unless {@code panorama.mongo.heap} / {@code PANORAMA_MONGO_HEAP}
 * says otherwise, this benchmark gives it 1 GB plus 10 KB per contact stored (11 GB for 1,000,000, more than a shared
 * 23 GB machine spares beside other work: pass a smaller stored count there, {@code -Dbench.arguments="10000 3 460000"}). It keeps and uses the service's non-unique indexes as
 * MongoDB does, so the timeline read walks the {@code timeline} index (customerId, occurredAt desc, _id desc) and stops
 * after the page. {@code PANORAMA_MONGODB} points devstack at a real MongoDB instead.
 */
public final class InteractionIngestBench {

    private static final int SENDERS = 1_000;
    private static final int BATCH = 500;
    private static final int STORED = 1_000_000;
    /** Reads measured per path; p99 is then the tenth slowest. */
    private static final int READS = 1_000;
    /** Reads per path before measuring, so that the read path is compiled as it is once the service has served a while. */
    private static final int WARM_UP_READS = 1_000;
    /** Pages read alone, after the latencies, for the service's CPU and allocation per page. */
    private static final int PAGES_ALONE = 1_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Random RANDOM = new Random(42);
    private static final NewInteraction NEW_INTERACTION = new NewInteraction(new ResponseNeed(Set.of("PHONE", "CHAT")),
            new OfferReferences("(OFR-[0-9]+)"));

    private static final String BENCH = "interaction-ingest";
    /** Warm-up pipeline runs at most, before the measured ones. */
    private static final int WARM_UP_RUNS = 6;
    /** The share of the service's CPU its JIT compiler may still take in the last warm-up run. */
    private static final double JIT_SETTLED = 0.3;

    private InteractionIngestBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // by default the fill tops up what the warm-up and measured runs ingested to 1,000,000 stored, as the issue asks
        OptionalInt timelineGiven = args.length > 2 ? OptionalInt.of(Integer.parseInt(args[2])) : OptionalInt.empty();
        int timelineCustomer = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
        long mostIngested = (runs + WARM_UP_RUNS + 1L) * contacts;
        long mostStored = timelineGiven.isPresent() ? timelineGiven.getAsInt() + mostIngested : Math.max(STORED, mostIngested);
        if (System.getProperty(MongoWireServer.HEAP_PROPERTY) == null && System.getenv(MongoWireServer.HEAP_VARIABLE) == null) {
            System.setProperty(MongoWireServer.HEAP_PROPERTY, heapFor(mostStored));
        }
        EnumSet<Part> parts = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);
        DevStack stack = DevStack.shared().ensure(parts);
        HttpServer identity = fakeIdentity();
        String database = "interaction_bench_" + Long.toHexString(System.nanoTime());
        int port = Ports.free();
        try (MongoClient mongo = MongoClients.create(stack.mongo().connectionString());
                ManagedProcess service = startService(stack, parts, database, port, identity.getAddress().getPort())) {
            String base = "http://127.0.0.1:" + port;
            Ports.await("interaction-service", Duration.ofMinutes(3), service, () -> status(base + "/q/health/ready", null) == 200);
            String bootstrap = stack.kafka().bootstrapServers();

            double warmInsert = rawInsertRate(mongo.getDatabase(database).getCollection("raw_insert_warm_up"), contacts, false);
            double warmIndexed = rawInsertRate(mongo.getDatabase(database).getCollection("raw_insert_indexed_warm_up"), contacts, true);
            double warmConsume = rawConsumeRate(bootstrap, contacts);
            double warmPipeline = warmUpPipeline(bootstrap, contacts, service.serverPid());
            System.out.printf("warm-up run, not counted (JIT and caches of every JVM involved): raw insert %,.0f/s (with the service's"
                    + " indexes %,.0f/s) | raw consume %,.0f/s | pipeline %,.0f/s%n", warmInsert, warmIndexed, warmConsume, warmPipeline);
            double[] insert = new double[runs];
            double[] indexed = new double[runs];
            double[] consume = new double[runs];
            double[] pipeline = new double[runs];
            double[] ratio = new double[runs];
            for (int run = 0; run < runs; run++) {
                CpuUse start = CpuUse.now();
                insert[run] = rawInsertRate(mongo.getDatabase(database).getCollection("raw_insert_" + run), contacts, false);
                CpuUse insertedPlain = CpuUse.now();
                double before = rawInsertRate(mongo.getDatabase(database).getCollection("raw_insert_indexed_" + run), contacts, true);
                CpuUse inserted = CpuUse.now();
                consume[run] = rawConsumeRate(bootstrap, contacts);
                CpuUse consumed = CpuUse.now();
                pipeline[run] = pipelineRate(bootstrap, contacts, "bench-run-" + run + "-" + UUID.randomUUID());
                CpuUse piped = CpuUse.now();
                // the ceiling moves with whatever else the machine does (x2 between runs): the insert with the service's
                // indexes is measured right before and right after the pipeline, and the run's ratio is against their mean
                double after = rawInsertRate(mongo.getDatabase(database).getCollection("raw_insert_indexed_after_" + run), contacts, true);
                indexed[run] = (before + after) / 2;
                ratio[run] = pipeline[run] / Math.min(indexed[run], consume[run]);
                System.out.printf("run %d: raw insert %,.0f/s, with the service's indexes %,.0f/s before and %,.0f/s after the pipeline |"
                        + " raw consume %,.0f/s | pipeline %,.0f/s = %.0f%% of this run's ceiling (load average %.1f)%n", run + 1,
                        insert[run], before, after, consume[run], pipeline[run], 100 * ratio[run], loadAverage());
                System.out.printf("  CPU per contact: raw insert [%s]; raw insert with indexes [%s]; raw consume [%s]; pipeline [%s]%n",
                        insertedPlain.since(start).perItem(contacts), inserted.since(insertedPlain).perItem(contacts),
                        consumed.since(inserted).perItem(contacts), piped.since(consumed).perItem(contacts));
            }
            // the pipeline's insert maintains the service's indexes: the like-for-like ceiling is an insert into a collection
            // with the same indexes; the insert with only the unique dedup index is printed beside it
            double ceiling = Math.min(median(indexed), median(consume));
            double plainCeiling = Math.min(median(insert), median(consume));
            System.out.printf("sustained ingest (median of %d runs of %,d contacts after the warm-up): pipeline %,.0f/s | raw MongoDB insert"
                    + " with the service's indexes %,.0f/s (dedup index only %,.0f/s) | raw broker consume %,.0f/s | pipeline / slower"
                    + " ceiling of the same run (insert with the service's indexes, mean of before and after), median of the runs = %.0f%%"
                    + " (runs %s; target >= 60%%); medians against each other %.0f%%; against the dedup-only insert %.0f%%%n",
                    runs, contacts, median(pipeline), median(indexed), median(insert), median(consume), 100 * median(ratio),
                    percents(ratio), 100 * median(pipeline) / ceiling, 100 * median(pipeline) / plainCeiling);
            BenchResults.figure(BENCH, "ingest pipeline Kafka -> stored -> published", median(pipeline), "/s",
                    "slower of raw MongoDB insert (the service's indexes, mean of before and after the pipeline) and raw broker"
                            + " consume; value / baseline is the median of the runs' ratios", median(pipeline) / median(ratio),
                    Figure.Better.HIGHER, ">= 60 % of the ceiling (median of the runs' own ratios)");
            BenchResults.figure(BENCH, "ingest pipeline against the insert with the dedup index only", median(pipeline), "/s",
                    "slower of raw MongoDB insert (dedup index only) and raw broker consume", plainCeiling, Figure.Better.HIGHER,
                    "reported beside the like-for-like ceiling");
            MongoCollection<Document> interactions = mongo.getDatabase(database).getCollection("interactions");
            long ingested = interactions.countDocuments();
            int timelineTotal = timelineGiven.orElse((int) Math.max(0, STORED - ingested));
            long stored = ingested + timelineTotal;
            if (timelineTotal == 0) {
                System.out.println("no contacts to store for the timeline (third argument 0): timeline reads skipped");
                return;
            }

            UUID customer = UUID.randomUUID();
            long filling = System.nanoTime();
            fillTimeline(interactions, customer, timelineTotal, timelineCustomer);
            System.out.printf("stored %,d more contacts (insertMany of %d, the service's indexes maintained) in %.0f s: %,.0f/s;"
                    + " %,d stored in all, MongoDB-wire heap %s%n", timelineTotal, BATCH, seconds(filling), timelineTotal / seconds(filling),
                    interactions.countDocuments(), MongoWireServer.heap());
            System.out.printf("MongoDB-wire settled after the fill in %.0f s (its GC marks the stored documents concurrently)%n",
                    settle("mongodb"));
            String token = KeycloakTokens.forUser("alice");
            long tokenTaken = System.nanoTime();
            String page = base + "/api/v1/customers/" + customer + "/interactions?limit=50";
            double[] baseline = new double[READS];
            double[] timeline = new double[READS];
            double[] rawFind = new double[READS];
            // the three paths take turns, so that a pause of any process (a GC of the server after the fill, another
            // helper's build) falls on each of them alike instead of on whichever path was measured at that time
            for (int i = -WARM_UP_READS; i < READS; i++) {
                // a token lives 5 minutes; on a loaded machine the reads take longer
                if (System.nanoTime() - tokenTaken > Duration.ofMinutes(1).toNanos()) {
                    token = KeycloakTokens.forUser("alice");
                    tokenTaken = System.nanoTime();
                }
                String bearer = token;
                double health = millis(() -> expect200(base + "/q/health/live", null));
                double read = millis(() -> expect200(page, bearer));
                double raw = millis(() -> rawPageRead(interactions, customer));
                if (i >= 0) {
                    baseline[i] = health;
                    timeline[i] = read;
                    rawFind[i] = raw;
                }
            }
            System.out.printf("load average during the reads: %.1f | the same page read straight from the MongoDB server (driver,"
                    + " no service): p50 %.2f ms p99 %.2f ms%n", loadAverage(), percentile(rawFind, 50), percentile(rawFind, 99));
            System.out.printf("timeline read, %,d contacts of one customer among %,d stored: p50 %.1f ms p99 %.1f ms | baseline GET"
                    + " /q/health/live p50 %.1f ms p99 %.1f ms | p99 ratio x%.1f (target p99 < 20 ms)%n", timelineCustomer,
                    stored, percentile(timeline, 50), percentile(timeline, 99), percentile(baseline, 50),
                    percentile(baseline, 99), percentile(timeline, 99) / percentile(baseline, 99));
            BenchResults.figure(BENCH, String.format("timeline read p99, %,d contacts of one customer", timelineCustomer),
                    percentile(timeline, 99), "ms", "GET /q/health/live p99", percentile(baseline, 99), Figure.Better.LOWER,
                    "p99 < 20 ms at 1,000,000 stored");
            BenchResults.latenciesMillis(BENCH, "timeline read latency", "GET timeline (50 newest)", timeline);
            BenchResults.latenciesMillis(BENCH, "timeline read latency", "GET /q/health/live (baseline)", baseline);
            servicePerPage(service, base, page, KeycloakTokens.forUser("alice"));
        } finally {
            identity.stop(0);
            DevStack.stopShared();
        }
    }

    /**
     * The service's CPU and allocation per timeline page, from pages read one after the other with nothing in between:
     * figures that hold up on a shared machine where latencies do not. Allocation is the service's own count of bytes
     * allocated between two full collections asked for over jcmd.
     */
    private static void servicePerPage(ManagedProcess service, String base, String page, String token) throws Exception {
        collectGarbage(service);
        double allocatedBefore = allocatedBytes(base);
        CpuUse before = CpuUse.now();
        for (int i = 0; i < PAGES_ALONE; i++) {
            expect200(page, token);
        }
        CpuUse after = CpuUse.now();
        collectGarbage(service);
        double allocated = allocatedBytes(base) - allocatedBefore;
        System.out.printf("per timeline page (%,d pages alone, load average %.1f): service CPU %,.0f µs, allocated %,.0f KB | CPU per"
                + " page by part: %s%n", PAGES_ALONE, loadAverage(), after.since(before).microsPerItem("service", PAGES_ALONE),
                allocated / 1024 / PAGES_ALONE, after.since(before).perItem(PAGES_ALONE));
    }

    private static void collectGarbage(ManagedProcess service) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(service.serverPid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (gc.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed for the service");
        }
    }

    /** Micrometer's count of bytes the service allocated, up to its last collection. */
    private static double allocatedBytes(String base) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("jvm_gc_memory_allocated_bytes_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The query the timeline page makes (newest 51 of the customer, the same fields), straight through the driver. */
    private static void rawPageRead(MongoCollection<Document> interactions, UUID customer) {
        Document filter = new Document("$and", List.of(new Document(InteractionDocuments.CUSTOMER_ID, customer.toString())));
        Document newestFirst = new Document(InteractionDocuments.OCCURRED_AT, -1).append(InteractionDocuments.ID, -1);
        if (interactions.find(filter).projection(InteractionViewDecoder.PROJECTION).sort(newestFirst).limit(51).into(new ArrayList<>()).isEmpty()) {
            throw new IllegalStateException("the timeline's customer has no contacts");
        }
    }

    /**
     * Waits until a process uses less than a tenth of a core (at most 10 minutes): after the fill, the server's garbage
     * collector marks the million stored documents for minutes, and reads measured meanwhile measure that.
     */
    private static double settle(String part) throws InterruptedException {
        long started = System.nanoTime();
        Duration before = CpuUse.now().byPart().getOrDefault(part, Duration.ZERO);
        while (System.nanoTime() - started < Duration.ofMinutes(10).toNanos()) {
            Thread.sleep(2_000);
            Duration now = CpuUse.now().byPart().getOrDefault(part, Duration.ZERO);
            if (now.minus(before).toMillis() < 200) {
                break;
            }
            before = now;
        }
        return seconds(started);
    }

    private static double millis(Runnable read) {
        long started = System.nanoTime();
        read.run();
        return (System.nanoTime() - started) / 1e6;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /**
     * About 8 KB per stored interaction document with its index entries: 8 GB ran out near 950,000 (old generation
     * full), so 1 GB plus 10 KB each, 11 GB for 1,000,000.
     */
    static String heapFor(long stored) {
        return (1 + (stored * 10_000 + 999_999_999) / 1_000_000_000) + "g";
    }

    /** insertMany of 500 of the documents the pipeline stores, into a collection with the dedup index only or with all of the service's. */
    private static double rawInsertRate(MongoCollection<Document> collection, int count, boolean serviceIndexes) {
        if (serviceIndexes) {
            collection.createIndexes(InteractionLog.indexes());
        } else {
            collection.createIndex(Indexes.ascending(InteractionDocuments.DEDUP_KEY), new IndexOptions().unique(true));
        }
        List<Document> documents = new ArrayList<>(count);
        Instant now = Instant.now();
        String stream = UUID.randomUUID().toString();
        for (int i = 0; i < count; i++) {
            documents.add(document(contact("raw", i), UUID.randomUUID(), now, stream, i + 1));
        }
        long started = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            collection.insertMany(documents.subList(from, Math.min(count, from + BATCH)));
        }
        double rate = count / seconds(started);
        collection.drop();
        return rate;
    }

    private static double rawConsumeRate(String bootstrap, int count) throws Exception {
        String topic = "bench.raw-consume." + UUID.randomUUID();
        produce(bootstrap, topic, "raw", count);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            consumer.subscribe(List.of(topic));
            int seen = 0;
            long started = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + seen + " of " + count + " records consumed in 10 minutes");
                }
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && started == 0) {
                    started = System.nanoTime();
                }
                seen += records.count();
            }
            return (count - 1) / seconds(started);
        }
    }

    /**
     * Pipeline runs until the service's JIT compiler used at most {@link #JIT_SETTLED} of the service's CPU in one, at most
     * {@link #WARM_UP_RUNS}: "sustained" is the steady state. One warm-up run of 30,000 contacts was not enough on a quiet
     * machine: the service's CPU per contact fell from about 160 µs in the first measured run to 50-70 µs by the third.
     */
    private static double warmUpPipeline(String bootstrap, int contacts, long servicePid) throws Exception {
        for (int run = 1; ; run++) {
            Duration cpuBefore = ProcessCpu.used(servicePid);
            Duration jitBefore = JitCompiler.cpu(servicePid);
            double rate = pipelineRate(bootstrap, contacts, "bench-warm-up-" + UUID.randomUUID());
            double cpu = ProcessCpu.microsPer(ProcessCpu.used(servicePid).minus(cpuBefore), contacts);
            double jit = ProcessCpu.microsPer(JitCompiler.cpu(servicePid).minus(jitBefore), contacts);
            boolean settled = jit <= JIT_SETTLED * cpu;
            System.out.printf("warm-up pipeline run %d: %,.0f/s, service CPU %,.0f µs per contact, of which its JIT compiler %,.0f µs%s%n",
                    run, rate, cpu, jit, settled ? " (settled)" : run == WARM_UP_RUNS ? " (still compiling at the limit)" : "");
            if (settled || run == WARM_UP_RUNS) {
                return rate;
            }
        }
    }

    /** From the first contact produced until the last contact's InteractionLogged is on panorama.interactions. */
    static double pipelineRate(String bootstrap, int count, String sourceSystem) throws Exception {
        String marker = "\"sourceSystem\":\"" + sourceSystem + "\"";
        try (KafkaConsumer<String, String> events = consumer(bootstrap)) {
            events.subscribe(List.of(Topics.INTERACTIONS));
            while (events.assignment().isEmpty()) {
                events.poll(Duration.ofMillis(100));
            }
            events.seekToEnd(events.assignment());
            events.assignment().forEach(events::position);
            long started = System.nanoTime();
            produce(bootstrap, Topics.CHANNEL_INBOUND, sourceSystem, count);
            Set<String> logged = ConcurrentHashMap.newKeySet();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (logged.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(200))) {
                    if (record.value().contains(marker)) {
                        logged.add(record.value().substring(record.value().indexOf("\"sourceMessageId\"")));
                    }
                }
            }
            if (logged.size() < count) {
                throw new IllegalStateException("only " + logged.size() + " of " + count + " contacts logged in 10 minutes");
            }
            return count / seconds(started);
        }
    }

    private static void fillTimeline(MongoCollection<Document> interactions, UUID customer, int total, int ofCustomer) {
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<Document> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < total; i++) {
            boolean theirs = i % Math.max(1, total / ofCustomer) == 0 && i / Math.max(1, total / ofCustomer) < ofCustomer;
            UUID owner = theirs ? customer : new UUID(0, RANDOM.nextInt(100_000));
            ChannelMessage contact = withTime(contact("fill", i), start.plusSeconds(600L * i));
            Interaction interaction = NEW_INTERACTION.of(contact, Ids.timeOrdered(contact.occurredAt().toEpochMilli()), owner,
                    Resolution.RESOLVED, contact.occurredAt());
            batch.add(InteractionDocuments.toDocument(interaction, UUID.randomUUID().toString(), null, List.of()));
            if (batch.size() == BATCH) {
                interactions.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            interactions.insertMany(batch);
        }
    }

    /** What the service inserts: the document with its announcement, positioned in a relay stream. */
    private static Document document(ChannelMessage contact, UUID customer, Instant now, String stream, long position) {
        Interaction interaction = NEW_INTERACTION.of(contact, Ids.timeOrdered(now.toEpochMilli()), customer, Resolution.RESOLVED, now);
        PendingEvent announcement = PendingEvent.of(NewInteraction.logged(interaction), customer.toString(), now);
        return InteractionDocuments.position(InteractionDocuments.announced(interaction, UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), announcement), stream, position);
    }

    static ChannelMessage contact(String sourceSystem, int i) {
        String sender = "sender" + (i % SENDERS) + "@mail.example";
        return new ChannelMessage(sourceSystem, "m-" + i, Channel.values()[i % Channel.values().length], Direction.INBOUND, Instant.now(),
                List.of(new Participant(ParticipantRole.FROM, sender, null, "Sender " + (i % SENDERS)),
                        new Participant(ParticipantRole.TO, "service@panorama.example", null, null)),
                null, "Question " + i, "Hello, I have a question about my account, order " + i + ". Kind regards.", List.of(), "en",
                "billing", List.of("billing"), List.of("inbox"), null, null);
    }

    private static ChannelMessage withTime(ChannelMessage c, Instant at) {
        return new ChannelMessage(c.sourceSystem(), c.sourceMessageId(), c.channel(), c.direction(), at, c.participants(),
                c.conversationId(), c.subject(), c.text(), c.attachments(), c.language(), c.intent(), c.requiredSkills(), c.tags(),
                c.campaignReference(), c.disposition());
    }

    private static void produce(String bootstrap, String topic, String sourceSystem, int count) throws Exception {
        Properties properties = new Properties();
        properties.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.BATCH_SIZE_CONFIG, "262144"));
        var json = EventJson.mapper();
        List<Future<RecordMetadata>> sent = new ArrayList<>(count);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (int i = 0; i < count; i++) {
                ChannelMessage contact = contact(sourceSystem, i);
                sent.add(producer.send(new ProducerRecord<>(topic, contact.sourceMessageId(), json.writeValueAsString(contact))));
            }
            producer.flush();
        }
        // a send that failed (seen at a load of 57: OutOfOrderSequenceException) would leave a consumer waiting forever
        for (Future<RecordMetadata> each : sent) {
            each.get();
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        return new KafkaConsumer<>(properties);
    }

    static HttpServer fakeIdentity() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, UUID> customers = new ConcurrentHashMap<>();
        // daemon threads: the stand-in must not keep the benchmark's JVM alive after main returns
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "fake-identity");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/api/v1/identity/resolve", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            UUID customer = customers.computeIfAbsent(body.replaceAll(".*\"address\":\"([^\"]*)\".*", "$1"), key -> UUID.randomUUID());
            byte[] answer = ("{\"customerId\":\"" + customer + "\",\"decision\":\"MATCHED\",\"mergedCustomerIds\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static ManagedProcess startService(DevStack stack, Set<Part> parts, String database, int port, int identityPort) {
        return startService(stack, parts, database, port, identityPort, "interaction-bench.log", List.of());
    }

    /**
     * interaction-service over the given database, asking the stand-in identity on identityPort, logging to logName;
     * launched through {@code launcher} (e.g. {@link dev.panorama.bench.InstanceLimits#launcher}), or directly when it is empty.
     */
    static ManagedProcess startService(DevStack stack, Set<Part> parts, String database, int port, int identityPort,
            String logName, List<String> launcher) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(ServiceJvm.command());
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN", "-Dquarkus.rest-client.identity.url=http://127.0.0.1:" + identityPort));
        // -Dbench.service-jvm-args, e.g. a flight recording of the service
        command.addAll(BenchArguments.serviceJvm());
        stack.quarkusConfig(parts, database).forEach((key, value) -> command.add("-D" + key + "=" + value));
        // another build of the service (an A/B pair against an older one): -Dbench.jvm-arg=-Dpanorama.bench.interaction-jar=...
        String jar = System.getProperty("panorama.bench.interaction-jar",
                Path.of("..", "interaction-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize().toString());
        command.addAll(List.of("-jar", jar));
        return ManagedProcess.start("interaction-service", command, Map.of(), stack.settings().logDir().resolve(logName),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    private static void expect200(String url, String token) {
        if (status(url, token) != 200) {
            throw new IllegalStateException(url + " did not answer 200");
        }
    }

    static int status(String url, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static String percents(double[] ratios) {
        return String.join(" / ", Arrays.stream(ratios).mapToObj(ratio -> String.format("%.0f%%", 100 * ratio)).toList());
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
