package dev.panorama.bench.identity;

import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.InstanceLimits;
import dev.panorama.bench.ScaleOut;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.events.EventType;
import dev.panorama.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scale-out of identity-service: source records produced to {@code panorama.source-records} until every one is stored
 * and resolved, with two instances in one consumer group over the same database and with one, in rounds
 * ({@link ScaleOut#compare}: equally warm instances, each limited to a quarter of a core: see {@link #LIMITS}); prints the
 * medians and the ratio 2 instances / 1.
 *
 * <p>An instance resolves the records it consumes one at a time (each record's resolution is a few PostgreSQL round
 * trips, waited for before the next record). The topic is made with {@link ScaleOut#PARTITIONS} partitions, which two
 * instances split evenly.
 *
 * <p>Arguments: records per run (2000), measured runs per configuration and round (3), warm-up runs before each
 * configuration (3), rounds (2). Each run's records come from a source system of their own and are of people not seen
 * before, but about one in five repeats an earlier person with a typo, so every run resolves new records against a store
 * that keeps growing.
 */
public final class IdentityScaleOutBench {

    private static final String BENCH = "identity-scale-out";
    private static final String GROUP = "identity-service";
    /**
     * A quarter of a core per instance: one instance is then bound by its own CPU (about 1 ms per record), and two
     * instances, PostgreSQL (about 1.2 ms per record) and Kafka still fit in two cores. At half a core, one instance
     * used 0.42-0.48 of it and two instances with PostgreSQL filled the machine: x1.03.
     */
    private static final InstanceLimits LIMITS = InstanceLimits.of(0.25);
    private static final Set<Part> PARTS = EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK);

    private IdentityScaleOutBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        DevStack stack = DevStack.shared().ensure(PARTS);
        String database = "identity_scale_" + Long.toHexString(System.nanoTime());
        String bootstrap = stack.kafka().bootstrapServers();
        ScaleOut.createTopic(bootstrap, Topics.SOURCE_RECORDS);
        try (ManagedProcess first = start(stack, database, 1, "identity-scale-1.log");
                ManagedProcess second = start(stack, database, 2, "identity-scale-2.log");
                Admin admin = ScaleOut.admin(bootstrap);
                Runs load = new Runs(bootstrap, stack.postgres().connect(database), records, warmUps, runs)) {
            ScaleOut.compare(admin, GROUP, Topics.SOURCE_RECORDS, first, second, rounds, LIMITS, load).report(BENCH,
                    "source records resolved from Kafka with 2 instances of identity-service",
                    String.format("%,d source records each, Kafka to stored and resolved", records), rounds);
        } finally {
            DevStack.stopShared();
        }
    }

    private static ManagedProcess start(DevStack stack, String database, int instance, String log) {
        int port = Ports.free();
        ManagedProcess service = IdentityApiBench.startService(stack, port, database, log, LIMITS.launcher(instance));
        Ports.await("identity-service", Duration.ofMinutes(5), service,
                () -> IdentityApiBench.status("http://127.0.0.1:" + port + "/q/health/ready", null) == 200);
        return service;
    }

    /** Runs of source records: each produced at once, timed until the last one is stored. */
    private static final class Runs implements ScaleOut.Load, AutoCloseable {

        private static final Duration RUN_LIMIT = Duration.ofMinutes(10);

        private final KafkaProducer<String, String> producer;
        private final Connection database;
        private final int records;
        private final int warmUps;
        private final int runs;
        private final Random random = new Random(42);
        private int run;
        private int people;

        Runs(String bootstrap, Connection database, int records, int warmUps, int runs) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
            this.database = database;
            this.records = records;
            this.warmUps = warmUps;
            this.runs = runs;
        }

        /**
         * Runs not counted, then PostgreSQL's statistics brought up to date: the service's statements were planned while
         * the tables were empty, and until autovacuum's analyze catches up they scan whole tables (bench/README.md,
         * identity-service speed); without it the configuration measured first pays for that alone.
         */
        @Override
        public void warmUp(String label) throws Exception {
            rates(warmUps, label);
            try (Statement analyze = database.createStatement()) {
                analyze.execute("analyze");
            }
        }

        /** The rates of the runs after the warm-up, with the CPU per record they cost every process and each instance. */
        @Override
        public List<Double> measured(String label, ManagedProcess... instances) throws Exception {
            warmUp(label + ", warm-up");
            CpuUse before = CpuUse.now();
            Map<String, Duration> instancesBefore = ScaleOut.cpu(instances);
            List<Double> rates = rates(runs, label);
            ScaleOut.printCpu(label, "record", before, instancesBefore, ScaleOut.cpu(instances), records * runs);
            return rates;
        }

        private List<Double> rates(int runs, String label) throws Exception {
            List<Double> rates = new ArrayList<>();
            for (int i = 1; i <= runs; i++) {
                rates.add(rate());
                System.out.printf("%s, run %d: %,.0f records/s%n", label, i, rates.getLast());
            }
            return rates;
        }

        private double rate() throws Exception {
            String sourceSystem = "scale-run-" + ++run;
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                int sequence = people++;
                String key = sourceSystem + ":S-" + sequence;
                producer.send(new ProducerRecord<>(Topics.SOURCE_RECORDS, null, key, SyntheticPeople.next(random, sequence, sourceSystem),
                        cloudEvent()));
            }
            producer.flush();
            while (stored(sourceSystem) < records) {
                if (System.nanoTime() - started > RUN_LIMIT.toNanos()) {
                    throw new IllegalStateException(stored(sourceSystem) + " of " + records + " records stored after " + RUN_LIMIT);
                }
                Thread.sleep(20);
            }
            return records / ((System.nanoTime() - started) / 1e9);
        }

        private int stored(String sourceSystem) throws SQLException {
            try (PreparedStatement count = database.prepareStatement("select count(*) from source_record where source_system = ?")) {
                count.setString(1, sourceSystem);
                try (ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            }
        }

        private static RecordHeaders cloudEvent() {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(UUID.randomUUID().toString()));
            headers.add("ce_type", bytes(EventType.SOURCE_RECORD.ceType()));
            headers.add("ce_source", bytes("/scale-out-bench"));
            headers.add("ce_time", bytes(Instant.now().toString()));
            headers.add("content-type", bytes("application/json"));
            return headers;
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws SQLException {
            producer.close();
            database.close();
        }
    }
}
