package dev.panorama.bench.gateway;

import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.JitCompiler;
import dev.panorama.bench.Pacing;
import dev.panorama.bench.ProcessCpu;
import dev.panorama.bench.profile.ProfileSeed;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import dev.panorama.devstack.test.KeycloakTokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway costs: a profile read ({@code GET /api/v1/profiles/{id}}) sent directly to
 * profile-service and through the gateway (real Keycloak token, validated at the edge), alternating
 * windows in one run; latency p50/p99, throughput and the ratios gateway/direct. The target: at most
 * +15% latency and -15% throughput. First with a fixed number of clients, each sending its next request when its last
 * was answered (the throughput, and the latency with every core busy), then with requests due at a fixed rate, half the
 * slowest leg's throughput, on every leg (the latency a caller sees while the cores have room).
 *
 * <p>Two upstreams, one after the other: the real profile-service (MongoDB-wire server, Kafka, the
 * read's audit entry) reading a profile built from contact events, which is what the issue measures, and
 * a stand-in answering a similar document at once, which shows the proxy's own cost (the worst case for
 * the ratio).
 *
 * <p>Arguments: requests per window (default 3000), concurrency (default 8), rounds (default 3; the
 * median round is reported). {@code -Dbench.service-jvm-args="..."} adds JVM arguments to the gateway's command line.
 * {@code -Dbench.jvm-arg=-Dpanorama.bench.gateway.baseline=<a gateway's quarkus-run.jar>} also runs that (older) gateway, in
 * the same alternating windows, for a back-to-back comparison; {@code -Dpanorama.bench.gateway.baseline-jvm-args=...} gives
 * it JVM arguments of its own, e.g. none against the gateway's, to compare JVM options on one jar (both properties through
 * {@code JAVA_TOOL_OPTIONS}, as {@code bench.jvm-arg} takes one). Each leg reports the CPU per request of the gateway, the
 * upstream and this JVM, summed over the measured rounds (from /proc/&lt;pid&gt;/stat), the kernel's part and the context
 * switches of the gateway and the upstream, and the gateway's JIT compiler threads' CPU; the warm-up lasts until those have
 * settled (at most {@link #WARM_UP_MAX}). {@code -Dbench.jvm-arg=-Dpanorama.bench.gateway.direct-with-gateway-headers=true}
 * adds a direct leg carrying the headers the gateway adds (request id, sampled trace context), to tell their cost to the
 * upstream from that of the gateway's traffic.
 */
public final class GatewayOverheadBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /**
     * Longest warm-up: past {@link #WARM_UP} it goes on while a gateway's JIT compilers still use more than
     * {@link #JIT_SETTLED} of its event loops' CPU (on a loaded machine C2 was still compiling the gateway minutes in, half
     * its CPU per request).
     */
    private static final Duration WARM_UP_MAX = Duration.ofMinutes(3);
    private static final double JIT_SETTLED = 0.2;
    /**
     * The fixed rate of the second half of a run, as a share of the slowest leg's throughput with every client busy, so
     * that every leg has room: a latency measured with the cores saturated is the clients' number over the throughput
     * (Little's law), so it shows the throughput lost again, not the time a request spends in the gateway.
     */
    private static final double PACED_SHARE = 0.5;
    /** Threads sending the paced requests: enough that one slow answer does not hold the next requests back. */
    private static final int PACED_SENDERS = 16;
    /** The gateway's request-serving threads, as the kernel names them (15 characters). */
    private static final String EVENT_LOOPS = "vert.x-eventloo";
    private static final String BASELINE_PROPERTY = "panorama.bench.gateway.baseline";
    /** The baseline gateway's own extra JVM arguments, to compare JVM options on one jar (empty: none). */
    private static final String BASELINE_JVM_PROPERTY = "panorama.bench.gateway.baseline-jvm-args";
    /**
     * Adds a direct leg sending what the gateway adds to a forwarded request (a request id and a sampled W3C trace
     * context): whether those headers, rather than the gateway's traffic pattern, cost the upstream more.
     */
    private static final String GATEWAY_HEADERS_PROPERTY = "panorama.bench.gateway.direct-with-gateway-headers";
    private static final Map<String, String> GATEWAY_ADDS = Map.of("X-Request-Id", "6f0c3c1e-1d2b-4f53-9a8e-3b7d2c1a0e55",
            "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    private static final EnumSet<Part> PROFILE_PARTS = EnumSet.of(Part.MONGO, Part.KAFKA, Part.KEYCLOAK);

    private GatewayOverheadBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "[\\s,]+");
        int window = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Optional<Path> baselineJar = Optional.of(System.getProperty(BASELINE_PROPERTY, "").strip())
                .filter(jar -> !jar.isEmpty()).map(Path::of);
        DevStack stack = DevStack.shared().ensure(PROFILE_PARTS);
        Vertx vertx = Vertx.vertx();
        int profilePort = Ports.free();
        int standInPort = Ports.free();
        String token = firstToken();
        try (ManagedProcess profileService = startProfileService(stack, profilePort)) {
            String profileBase = "http://127.0.0.1:" + profilePort;
            Ports.await("profile-service", Duration.ofMinutes(3), profileService, () -> status(profileBase + "/q/health/ready") == 200);
            UUID customer = ProfileSeed.seed(stack.kafka().bootstrapServers(), profileBase, token);
            startProfileStandIn(vertx, standInPort);
            /** {@code targeted}: the targets apply to it; the stand-in's figures show the proxy's own cost. */
            record Upstream(String name, int port, long pid, boolean targeted) {
            }
            var upstreams = List.of(new Upstream("profile-service", profilePort, profileService.serverPid(), true),
                    new Upstream("stand-in answering at once", standInPort, ProcessHandle.current().pid(), false));
            String path = "/api/v1/profiles/" + customer;
            for (Upstream upstream : upstreams) {
                List<ManagedProcess> gateways = new ArrayList<>();
                try {
                    List<Leg> legs = new ArrayList<>();
                    String direct = "http://127.0.0.1:" + upstream.port() + path;
                    legs.add(new Leg("direct", new Load(direct, concurrency, Map.of()), -1));
                    legs.add(gatewayLeg("through gateway", Path.of("..", "gateway", "target", "quarkus-app", "quarkus-run.jar"),
                            BenchArguments.serviceJvm(), stack, upstream.port(), gateways, path, concurrency));
                    if (baselineJar.isPresent()) {
                        legs.add(gatewayLeg("baseline gateway", baselineJar.get(), baselineJvmArguments(), stack, upstream.port(),
                                gateways, path, concurrency));
                    }
                    if (Boolean.getBoolean(GATEWAY_HEADERS_PROPERTY)) {
                        legs.add(new Leg("direct + gateway's headers", new Load(direct, concurrency, GATEWAY_ADDS), -1));
                    }
                    Measured[] saturated = measure(legs, upstream.pid(), window, rounds);
                    print(String.format("profile read, %s, %d clients, %d requests per window, median of %d rounds",
                            upstream.name(), concurrency, window, rounds), upstream.targeted(), legs, saturated);
                    double rate = PACED_SHARE * Arrays.stream(saturated).mapToDouble(leg -> leg.stats().perSecond()).min()
                            .orElseThrow();
                    Window pacedWindow = leg -> leg.paced(window, rate, upstream.pid());
                    // unmeasured: the gateway's compilers were busy again in the first paced windows (more connections)
                    for (Leg leg : legs) {
                        pacedWindow.of(leg);
                    }
                    Measured[] paced = medianRound(legs, rounds, pacedWindow);
                    print(String.format("profile read, %s, requests due at %,.0f/s (%.0f %% of the slowest leg's throughput above),"
                            + " %d requests per window, median of %d rounds", upstream.name(), rate, 100 * PACED_SHARE, window, rounds),
                            upstream.targeted(), legs, paced);
                    record(upstream.name(), upstream.targeted(), saturated[0].stats(), saturated[1].stats(), paced[0].stats(),
                            paced[1].stats());
                } finally {
                    gateways.forEach(ManagedProcess::close);
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            DevStack.stopShared();
        }
    }

    /**
     * The first token of a Keycloak just started: on a loaded machine its first answer took longer than the token request's
     * 10 s timeout, which ended a run that had waited minutes for its servers.
     */
    private static String firstToken() throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return KeycloakTokens.forUser("alice");
            } catch (IllegalStateException unreachable) {
                if (attempt == 5) {
                    throw unreachable;
                }
                Thread.sleep(Duration.ofSeconds(5));
            }
        }
    }

    /** The baseline gateway's extra JVM arguments: its own when given, else the gateway's. */
    private static List<String> baselineJvmArguments() {
        return System.getProperty(BASELINE_JVM_PROPERTY) != null ? BenchArguments.jvmArguments(BASELINE_JVM_PROPERTY)
                : BenchArguments.serviceJvm();
    }

    private static Leg gatewayLeg(String name, Path jar, List<String> jvmArguments, DevStack stack, int upstreamPort,
            List<ManagedProcess> started, String path, int concurrency) {
        int port = Ports.free();
        ManagedProcess gateway = startGateway(stack, port, upstreamPort, jar, jvmArguments, name.replace(' ', '-'));
        started.add(gateway);
        String through = "http://127.0.0.1:" + port;
        Ports.await("gateway", Duration.ofMinutes(2), gateway, () -> status(through + "/q/health/ready") == 200);
        return new Leg(name, new Load(through + path, concurrency, Map.of()), gateway.serverPid());
    }

    /** One way to the profile: directly, or through a gateway process ({@code gatewayPid}, -1 for none). */
    private record Leg(String name, Load load, long gatewayPid) {

        /** One window of clients sending one request after another, with the CPU each process used for it. */
        Measured run(int count, long upstreamPid) throws Exception {
            return measured(count, upstreamPid, () -> load.run(count));
        }

        /** One window of requests sent at a fixed rate, with the CPU each process used for it. */
        Measured paced(int count, double perSecond, long upstreamPid) throws Exception {
            return measured(count, upstreamPid, () -> load.paced(count, perSecond));
        }

        /** A window, with the CPU the gateway, the upstream and this JVM (client, stand-in) used for it. */
        private Measured measured(int count, long upstreamPid, Callable<Stats> window) throws Exception {
            ProcessUse gateway = ProcessUse.of(gatewayPid);
            Duration gatewayLoops = gatewayPid > 0 ? ProcessCpu.threads(gatewayPid, EVENT_LOOPS) : Duration.ZERO;
            Duration gatewayJit = JitCompiler.cpu(gatewayPid);
            ProcessUse upstream = ProcessUse.of(upstreamPid);
            Duration own = ProcessCpu.own();
            Stats stats = window.call();
            return new Measured(stats, count, ProcessUse.of(gatewayPid).minus(gateway),
                    gatewayPid > 0 ? ProcessCpu.threads(gatewayPid, EVENT_LOOPS).minus(gatewayLoops) : Duration.ZERO,
                    JitCompiler.cpu(gatewayPid).minus(gatewayJit), ProcessUse.of(upstreamPid).minus(upstream), ProcessCpu.own().minus(own));
        }
    }

    /**
     * What one process used so far: CPU, its kernel part, and its threads' context switches (each wait for work and wake-up;
     * a less busy process is woken more often per request, and the kernel's work for that is part of its CPU). Zero for no
     * process (pid -1).
     */
    record ProcessUse(Duration cpu, Duration system, long switches) {

        static final ProcessUse NONE = new ProcessUse(Duration.ZERO, Duration.ZERO, 0);

        static ProcessUse of(long pid) {
            return pid > 0 ? new ProcessUse(ProcessCpu.used(pid), ProcessCpu.system(pid), ProcessCpu.contextSwitches(pid)) : NONE;
        }

        ProcessUse minus(ProcessUse before) {
            return new ProcessUse(cpu.minus(before.cpu), system.minus(before.system), switches - before.switches);
        }

        ProcessUse plus(ProcessUse other) {
            return new ProcessUse(cpu.plus(other.cpu), system.plus(other.system), switches + other.switches);
        }

        String per(long requests) {
            return String.format("%,4.0f µs (kernel %,3.0f, %.1f context switches)", ProcessCpu.microsPer(cpu, requests),
                    ProcessCpu.microsPer(system, requests), (double) switches / requests);
        }
    }

    /** A window's latencies and what each process used for it. */
    record Measured(Stats stats, long requests, ProcessUse gateway, Duration gatewayLoopsCpu, Duration gatewayJitCpu,
            ProcessUse upstream, Duration benchCpu) {

        Measured plus(Measured other) {
            return new Measured(stats, requests + other.requests, gateway.plus(other.gateway), gatewayLoopsCpu.plus(other.gatewayLoopsCpu),
                    gatewayJitCpu.plus(other.gatewayJitCpu), upstream.plus(other.upstream), benchCpu.plus(other.benchCpu));
        }

        Measured withStats(Stats median) {
            return new Measured(median, requests, gateway, gatewayLoopsCpu, gatewayJitCpu, upstream, benchCpu);
        }

        String cpu(boolean upstreamInBench) {
            return String.format("per request: gateway %s, event loops %,3.0f µs, JIT %,3.0f µs | upstream %s | %s %,4.0f µs",
                    gateway.per(requests), ProcessCpu.microsPer(gatewayLoopsCpu, requests), ProcessCpu.microsPer(gatewayJitCpu, requests),
                    upstreamInBench ? "in this JVM" : upstream.per(requests), upstreamInBench ? "client+stand-in" : "client",
                    ProcessCpu.microsPer(benchCpu, requests));
        }
    }

    /**
     * Alternating windows after every leg is warm (each served requests for {@link #WARM_UP} in alternating windows, so the JIT has
     * compiled the gateway's and the upstream's hot paths); latencies of the round with the median p50 ratio gateway/direct, and the
     * CPU per request of all measured rounds.
     */
    private static Measured[] measure(List<Leg> legs, long upstreamPid, int window, int rounds) throws Exception {
        warmUp(legs, upstreamPid, window);
        return medianRound(legs, rounds, leg -> leg.run(window, upstreamPid));
    }

    private static void warmUp(List<Leg> legs, long upstreamPid, int window) throws Exception {
        long warmStart = System.nanoTime();
        long warmUntil = warmStart + WARM_UP.toNanos();
        while (System.nanoTime() < warmUntil) {
            for (Leg leg : legs) {
                leg.load().run(window);
            }
        }
        boolean compiling = true;
        while (compiling && System.nanoTime() - warmStart < WARM_UP_MAX.toNanos()) {
            compiling = false;
            for (Leg leg : legs) {
                Measured pass = leg.run(window, upstreamPid);
                compiling |= pass.gatewayJitCpu().toNanos() > JIT_SETTLED * pass.gatewayLoopsCpu().toNanos();
            }
        }
        System.out.printf("warm-up %d s (JIT %s)%n", Duration.ofNanos(System.nanoTime() - warmStart).toSeconds(),
                compiling ? "still compiling at the limit" : "settled");
    }

    /** What one window of a leg measures. */
    private interface Window {
        Measured of(Leg leg) throws Exception;
    }

    /**
     * Rounds of one window per leg, one leg after the other; the latencies of the round with the median p50 ratio
     * gateway/direct, and the CPU per request of all rounds.
     */
    private static Measured[] medianRound(List<Leg> legs, int rounds, Window window) throws Exception {
        List<Measured[]> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Measured[] windows = new Measured[legs.size()];
            for (int i = 0; i < legs.size(); i++) {
                windows[i] = window.of(legs.get(i));
            }
            measured.add(windows);
        }
        Measured[] cpu = measured.get(0).clone();
        for (Measured[] round : measured.subList(1, measured.size())) {
            for (int i = 0; i < cpu.length; i++) {
                cpu[i] = cpu[i].plus(round[i]);
            }
        }
        measured.sort(Comparator.comparingDouble(round -> round[1].stats().p50() / round[0].stats().p50()));
        Measured[] median = measured.get(measured.size() / 2);
        Measured[] result = new Measured[legs.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = cpu[i].withStats(median[i].stats());
        }
        return result;
    }

    private static void print(String title, boolean profileService, List<Leg> legs, Measured[] median) {
        boolean upstreamInBench = !profileService;
        System.out.printf("%s, load average %s:%n", title, loadAverage());
        for (int i = 0; i < median.length; i++) {
            System.out.printf("  %-26s %s   %s%n", legs.get(i).name(), median[i].stats(), median[i].cpu(upstreamInBench));
        }
        printRatios("gateway/direct", median[1].stats(), median[0].stats());
        int baseline = indexOf(legs, "baseline gateway");
        if (baseline > 0) {
            printRatios("baseline gateway/direct", median[baseline].stats(), median[0].stats());
            printRatios("gateway/baseline gateway", median[1].stats(), median[baseline].stats());
            System.out.printf("  gateway CPU per request: %,.0f µs, baseline gateway %,.0f µs (x%.2f); event loops %,.0f µs, baseline %,.0f µs (x%.2f)%n",
                    ProcessCpu.microsPer(median[1].gateway().cpu(), median[1].requests()),
                    ProcessCpu.microsPer(median[baseline].gateway().cpu(), median[baseline].requests()),
                    (double) median[1].gateway().cpu().toNanos() / median[baseline].gateway().cpu().toNanos(),
                    ProcessCpu.microsPer(median[1].gatewayLoopsCpu(), median[1].requests()),
                    ProcessCpu.microsPer(median[baseline].gatewayLoopsCpu(), median[baseline].requests()),
                    (double) median[1].gatewayLoopsCpu().toNanos() / median[baseline].gatewayLoopsCpu().toNanos());
        }
    }

    private static int indexOf(List<Leg> legs, String name) {
        for (int i = 0; i < legs.size(); i++) {
            if (legs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void printRatios(String what, Stats measured, Stats against) {
        System.out.printf("  %s: p50 x%.2f (%+.0f%%, %+.2f ms)  p99 x%.2f (%+.0f%%)  throughput x%.2f (%+.0f%%)%n", what,
                measured.p50() / against.p50(), 100 * (measured.p50() / against.p50() - 1), measured.p50() - against.p50(),
                measured.p99() / against.p99(), 100 * (measured.p99() / against.p99() - 1),
                measured.perSecond() / against.perSecond(), 100 * (measured.perSecond() / against.perSecond() - 1));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static void record(String upstream, boolean targeted, Stats direct, Stats gateway, Stats pacedDirect,
            Stats pacedGateway) {
        String bench = "gateway-overhead";
        String latencyTarget = targeted ? "<= +15 % latency" : "";
        BenchResults.figure(bench, "p50 through the gateway, " + upstream, gateway.p50(), "ms", "direct p50", direct.p50(),
                Figure.Better.LOWER, latencyTarget);
        BenchResults.figure(bench, "p99 through the gateway, " + upstream, gateway.p99(), "ms", "direct p99", direct.p99(),
                Figure.Better.LOWER, latencyTarget);
        BenchResults.figure(bench, "throughput through the gateway, " + upstream, gateway.perSecond(), "/s", "direct",
                direct.perSecond(), Figure.Better.HIGHER, targeted ? ">= -15 % throughput" : "");
        String paced = " at half the slowest leg's rate, ";
        BenchResults.figure(bench, "p50" + paced + "through the gateway, " + upstream, pacedGateway.p50(), "ms", "direct p50",
                pacedDirect.p50(), Figure.Better.LOWER, latencyTarget);
        BenchResults.figure(bench, "p99" + paced + "through the gateway, " + upstream, pacedGateway.p99(), "ms", "direct p99",
                pacedDirect.p99(), Figure.Better.LOWER, latencyTarget);
        BenchResults.latencies(bench, "profile read latency, " + upstream, "direct", direct.latencies());
        BenchResults.latencies(bench, "profile read latency, " + upstream, "through the gateway", gateway.latencies());
        BenchResults.latencies(bench, "profile read latency" + paced + upstream, "direct", pacedDirect.latencies());
        BenchResults.latencies(bench, "profile read latency" + paced + upstream, "through the gateway", pacedGateway.latencies());
    }

    private static ManagedProcess startProfileService(DevStack stack, int port) {
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.level=WARN"));
        stack.quarkusConfig(PROFILE_PARTS, "gateway_bench_" + System.currentTimeMillis())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("..", "profile-service", "target", "quarkus-app", "quarkus-run.jar")
                .toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("profile-service", command, Map.of(), stack.settings().logDir().resolve("gateway-bench-profile.log"),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    /** Answers profile reads with a profile document at once, and its readiness. */
    private static void startProfileStandIn(Vertx vertx, int port) throws Exception {
        String profile = profileDocument().encode();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end(profile));
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static JsonObject profileDocument() {
        JsonArray cases = new JsonArray();
        for (int i = 0; i < 5; i++) {
            cases.add(new JsonObject().put("sourceSystem", "service-desk").put("caseId", "C-" + i).put("kind", "COMPLAINT")
                    .put("subject", "Case number " + i).put("severity", "high").put("openedAt", "2026-03-01T08:15:00Z"));
        }
        return new JsonObject().put("customerId", UUID.randomUUID().toString()).put("tier", "GOLD")
                .put("segments", new JsonArray().add("frequent-flyer").add("cards")).put("openCases", cases)
                .put("holdings", new JsonArray().add(new JsonObject().put("sourceSystem", "accounts").put("accountId", "AR-77")
                        .put("product", "Credit card").put("lineOfBusiness", "cards").put("status", "ACTIVE")))
                .put("interactions", new JsonObject().put("total", 12).put("preferredChannel", "EMAIL"))
                .put("insights", new JsonObject().put("otherAccounts", new JsonObject().put("answer", true).put("facts", new JsonArray()))
                        .put("recentOffer", new JsonObject().put("answer", false).put("facts", new JsonArray()))
                        .put("unresolvedProblem", new JsonObject().put("answer", true).put("facts", cases)));
    }

    private static ManagedProcess startGateway(DevStack stack, int port, int profilePort, Path jar, List<String> jvmArguments,
            String logName) {
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.log.level=WARN",
                "-Dpanorama.gateway.rate-limit.requests-per-second=1000000", "-Dpanorama.gateway.rate-limit.burst=1000000"));
        stack.quarkusConfig(EnumSet.of(Part.KEYCLOAK), "gateway").forEach((key, value) -> command.add("-D" + key + "=" + value));
        for (String upstream : List.of("identity-service", "interaction-service", "routing-service", "profile-service")) {
            command.add("-Dpanorama.gateway.upstreams." + upstream + ".url=http://127.0.0.1:" + profilePort);
        }
        // after the services' options, so that a given option overrides theirs (e.g. another garbage collector)
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("gateway", command, Map.of(), stack.settings().logDir().resolve(logName + "-bench.log"),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Latencies of one window in milliseconds, and its throughput. */
    record Stats(double perSecond, double p50, double p99, long[] latencies) {

        static Stats of(long[] latencies, long elapsedNanos) {
            Arrays.sort(latencies);
            int count = latencies.length;
            return new Stats(count / (elapsedNanos / 1e9), latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, latencies);
        }

        @Override
        public String toString() {
            return String.format("%,8.0f/s  p50 %6.2f ms  p99 %6.2f ms", perSecond, p50, p99);
        }
    }

    /**
     * A fixed number of concurrent clients reading one URL. Each window asks for a fresh token (outside the timing): a run on
     * a loaded machine outlasts a token, and the gateway rightly refuses an expired one.
     */
    private record Load(String url, int concurrency, Map<String, String> headers) {

        /** Each client sends its next request when its last was answered. */
        Stats run(int count) throws Exception {
            HttpRequest request = request();
            long[] latencies = new long[count];
            long start = System.nanoTime();
            onThreads(concurrency, count, i -> {
                long sent = System.nanoTime();
                send(request);
                latencies[i] = System.nanoTime() - sent;
            });
            return Stats.of(latencies, System.nanoTime() - start);
        }

        /**
         * Requests due at a fixed rate whatever the answers (an open loop: callers do not wait for each other), sent by
         * up to {@link #PACED_SENDERS} threads. A request sent late because every sender was busy counts its latency from
         * when it was due, so a slow answer's wait shows in those queued behind it; one sent on time counts from its send.
         */
        Stats paced(int count, double perSecond) throws Exception {
            HttpRequest request = request();
            long[] latencies = new long[count];
            long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
            long start = System.nanoTime() + interval;
            onThreads(PACED_SENDERS, count, i -> {
                long due = start + i * interval;
                boolean late = System.nanoTime() >= due;
                Pacing.waitUntil(due);
                long from = late ? due : System.nanoTime();
                send(request);
                latencies[i] = System.nanoTime() - from;
            });
            return Stats.of(latencies, System.nanoTime() - start);
        }

        /** One request of a window, by its index. */
        private interface Exchange {
            void run(int index) throws Exception;
        }

        /** The window's requests on the given number of threads, each taking the next index when done with its last. */
        private static void onThreads(int threads, int count, Exchange exchange) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            exchange.run(i);
                        }
                        return null;
                    }));
                }
                for (Future<?> thread : running) {
                    thread.get();
                }
            } finally {
                // after a failed request the other threads would otherwise keep the JVM from ending
                pool.shutdownNow();
            }
        }

        private HttpRequest request() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + KeycloakTokens.forUser("alice"))
                    .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).GET();
            headers.forEach(builder::header);
            return builder.build();
        }

        private void send(HttpRequest request) throws Exception {
            int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status + " from " + url);
            }
        }
    }
}
