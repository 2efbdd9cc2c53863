package dev.panorama.bench.interaction;

import com.sun.net.httpserver.HttpServer;
import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.ScaleOut;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.events.Topics;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * Scale-out of interaction-service: the ingest pipeline (contacts produced to {@code panorama.channel.inbound} until
 * their InteractionLogged is on {@code panorama.interactions}) with two instances in one consumer group over the same
 * store, then with one after the other left the group, in the same run; prints the medians and the ratio 2 instances / 1.
 * Both instances start together and each configuration gets the same warm-up first, so the second instance's colder JIT
 * does not count against scaling out.
 * {@code panorama.channel.inbound} has three partitions on the devstack broker, so two instances split them 2 + 1 and
 * the ceiling of the ratio is 1.5 even with a core per instance; on a machine with fewer free cores than instances the
 * ratio says what the cores allow.
 *
 * <p>Arguments: contacts per run (5000), runs per configuration (3), warm-up runs before each configuration (2). On a
 * loaded machine the JIT needs more than two runs of 5,000: the instance that stays for the 1-instance runs has by then
 * served every run before, the second instance only its share of the warm-up, so the printed CPU per contact of each
 * instance shows whether the comparison was warm.
 */
public final class InteractionScaleOutBench {

    private static final String BENCH = "interaction-scale-out";
    private static final String GROUP = "interaction-service";

    private InteractionScaleOutBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Set<Part> parts = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);
        DevStack stack = DevStack.shared().ensure(parts);
        HttpServer identity = InteractionIngestBench.fakeIdentity();
        String database = "interaction_scale_" + Long.toHexString(System.nanoTime());
        String bootstrap = stack.kafka().bootstrapServers();
        try (ManagedProcess first = start(stack, parts, database, identity, "interaction-scale-1.log");
                Admin admin = ScaleOut.admin(bootstrap)) {
            double[] two;
            try (ManagedProcess second = start(stack, parts, database, identity, "interaction-scale-2.log")) {
                ScaleOut.awaitHolders(admin, GROUP, Topics.CHANNEL_INBOUND, 2);
                warmUp(bootstrap, contacts, warmUps);
                CpuUse before = CpuUse.now();
                Map<String, Duration> instancesBefore = ScaleOut.cpu(first, second);
                two = rates(bootstrap, contacts, runs, "two");
                ScaleOut.printCpu("2 instances", "contact", before, instancesBefore, ScaleOut.cpu(first, second), contacts * runs);
            }
            ScaleOut.awaitHolders(admin, GROUP, Topics.CHANNEL_INBOUND, 1);
            warmUp(bootstrap, contacts, warmUps);
            CpuUse before = CpuUse.now();
            Map<String, Duration> instanceBefore = ScaleOut.cpu(first);
            double[] one = rates(bootstrap, contacts, runs, "one");
            ScaleOut.printCpu("1 instance", "contact", before, instanceBefore, ScaleOut.cpu(first), contacts * runs);
            double ratio = InteractionIngestBench.median(two) / InteractionIngestBench.median(one);
            System.out.printf("scale-out (median of %d runs of %,d contacts): 2 instances %,.0f/s | 1 instance %,.0f/s | ratio"
                    + " x%.2f (ceiling x1.5 with 3 partitions) | load average %s%n", runs, contacts, InteractionIngestBench.median(two),
                    InteractionIngestBench.median(one), ratio, ScaleOut.loadAverage());
            BenchResults.figure(BENCH, "ingest pipeline with 2 instances of interaction-service",
                    InteractionIngestBench.median(two), "/s", "1 instance", InteractionIngestBench.median(one), Figure.Better.HIGHER,
                    "higher than 1 instance");
        } finally {
            identity.stop(0);
            DevStack.stopShared();
        }
    }

    /** Both instances start cold together and serve the same warm-up, so neither configuration runs on a colder JIT. */
    private static void warmUp(String bootstrap, int contacts, int runs) throws Exception {
        for (int run = 0; run < runs; run++) {
            InteractionIngestBench.pipelineRate(bootstrap, contacts, "scale-warm-up-" + UUID.randomUUID());
        }
    }

    private static double[] rates(String bootstrap, int contacts, int runs, String label) throws Exception {
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            rates[run] = InteractionIngestBench.pipelineRate(bootstrap, contacts, "scale-" + label + "-" + run + "-" + UUID.randomUUID());
            System.out.printf("%s instance(s), run %d: %,.0f contacts/s%n", label, run + 1, rates[run]);
        }
        return rates;
    }

    private static ManagedProcess start(DevStack stack, Set<Part> parts, String database, HttpServer identity, String log) {
        int port = Ports.free();
        ManagedProcess service = InteractionIngestBench.startService(stack, parts, database, port, identity.getAddress().getPort(), log);
        Ports.await("interaction-service", Duration.ofMinutes(3), service,
                () -> InteractionIngestBench.status("http://127.0.0.1:" + port + "/q/health/ready", null) == 200);
        return service;
    }
}
