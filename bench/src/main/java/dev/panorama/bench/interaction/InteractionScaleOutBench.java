package dev.panorama.bench.interaction;

import com.sun.net.httpserver.HttpServer;
import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.InstanceLimits;
import dev.panorama.bench.ScaleOut;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.mongo.MongoWireServer;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * Scale-out of interaction-service: the ingest pipeline (contacts produced to {@code panorama.channel.inbound} until
 * their InteractionLogged is on {@code panorama.interactions}) with two instances in one consumer group over the same
 * store and with one, in rounds ({@link ScaleOut#compare}: equally warm instances, each limited to a tenth of a core: see
 * {@link #LIMITS}); prints the medians and the ratio 2 instances / 1.
 * {@code panorama.channel.inbound} is made with {@link ScaleOut#PARTITIONS} partitions, which two instances split evenly.
 *
 * <p>Arguments: contacts per run (5000), measured runs per configuration and round (3), warm-up runs before each
 * configuration (3), rounds (2). The printed CPU per contact of each instance shows whether the comparison was warm.
 */
public final class InteractionScaleOutBench {

    private static final String BENCH = "interaction-scale-out";
    private static final String GROUP = "interaction-service";
    /**
     * A tenth of a core per instance: one instance is then bound by its own CPU (about 80 µs per contact), below what
     * devstack's MongoDB-wire server takes (one server, 120-210 µs of CPU per contact, 4,000-5,600 contacts/s at most on
     * this machine). At a quarter of a core, one instance already reached that server's pace: x0.88.
     */
    private static final InstanceLimits LIMITS = InstanceLimits.of(0.1);

    private InteractionScaleOutBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        // every run stores its contacts in the MongoDB-wire server's heap: the first warm-ups (each instance alone, then
        // both), then each round's two configurations
        long stored = (long) contacts * (3L * warmUps + 2L * rounds * (warmUps + runs));
        if (System.getProperty(MongoWireServer.HEAP_PROPERTY) == null && System.getenv(MongoWireServer.HEAP_VARIABLE) == null) {
            System.setProperty(MongoWireServer.HEAP_PROPERTY, InteractionIngestBench.heapFor(stored));
        }
        Set<Part> parts = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);
        DevStack stack = DevStack.shared().ensure(parts);
        HttpServer identity = InteractionIngestBench.fakeIdentity();
        String database = "interaction_scale_" + Long.toHexString(System.nanoTime());
        String bootstrap = stack.kafka().bootstrapServers();
        ScaleOut.createTopic(bootstrap, Topics.CHANNEL_INBOUND);
        try (ManagedProcess first = start(stack, parts, database, identity, 1, "interaction-scale-1.log");
                ManagedProcess second = start(stack, parts, database, identity, 2, "interaction-scale-2.log");
                Admin admin = ScaleOut.admin(bootstrap)) {
            Contacts load = new Contacts(bootstrap, contacts, warmUps, runs);
            ScaleOut.compare(admin, GROUP, Topics.CHANNEL_INBOUND, first, second, rounds, LIMITS, load)
                    .report(BENCH, "ingest pipeline with 2 instances of interaction-service", String.format("%,d contacts", contacts),
                            rounds);
        } finally {
            identity.stop(0);
            DevStack.stopShared();
        }
    }

    /** Runs of contacts, each produced at once and timed until every InteractionLogged is out. */
    private record Contacts(String bootstrap, int contacts, int warmUps, int runs) implements ScaleOut.Load {

        @Override
        public void warmUp(String label) throws Exception {
            for (int run = 0; run < warmUps; run++) {
                InteractionIngestBench.pipelineRate(bootstrap, contacts, "scale-warm-up-" + UUID.randomUUID());
            }
        }

        /** The rates of the runs after the warm-up runs, with the CPU per contact they cost every process and each instance. */
        @Override
        public List<Double> measured(String label, ManagedProcess... instances) throws Exception {
            warmUp(label);
            CpuUse before = CpuUse.now();
            Map<String, Duration> instancesBefore = ScaleOut.cpu(instances);
            List<Double> rates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                rates.add(InteractionIngestBench.pipelineRate(bootstrap, contacts, "scale-" + UUID.randomUUID()));
                System.out.printf("%s, run %d: %,.0f contacts/s%n", label, run, rates.getLast());
            }
            ScaleOut.printCpu(label, "contact", before, instancesBefore, ScaleOut.cpu(instances), contacts * runs);
            return rates;
        }
    }

    private static ManagedProcess start(DevStack stack, Set<Part> parts, String database, HttpServer identity, int instance, String log) {
        int port = Ports.free();
        ManagedProcess service = InteractionIngestBench.startService(stack, parts, database, port, identity.getAddress().getPort(), log,
                LIMITS.launcher(instance));
        Ports.await("interaction-service", Duration.ofMinutes(3), service,
                () -> InteractionIngestBench.status("http://127.0.0.1:" + port + "/q/health/ready", null) == 200);
        return service;
    }
}
