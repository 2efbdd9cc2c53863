package dev.panorama.bench.identity;

import dev.panorama.bench.BenchArguments;
import dev.panorama.bench.CpuUse;
import dev.panorama.bench.JitCompiler;
import dev.panorama.bench.KeptAliveHttp;
import dev.panorama.bench.PgStatements;
import dev.panorama.bench.ProcessCpu;
import dev.panorama.bench.report.BenchResults;
import dev.panorama.bench.report.Figure;
import dev.panorama.bench.report.Series;
import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import dev.panorama.devstack.test.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * identity-service through its REST API on real PostgreSQL (devstack): records per second and latency
 * percentiles of {@code POST /api/v1/identity/records} as the store grows, beside the baseline of the
 * same service answering {@code GET /q/health/live} in the same run.
 *
 * <p>Arguments (or the system property {@code panorama.bench.arguments}, as {@code exec:exec} passes them): store sizes
 * to measure at (default 10000,100000), concurrency (default 8). {@code -Dbench.service-jvm-args="..."} adds JVM
 * arguments to the service's command line (a profiler, say: {@code -XX:StartFlightRecording=...}), split at spaces.
 * {@code -Dbench.identity-app=<dir>} ({@code panorama.bench.identity.app}) runs the service from another build's
 * {@code quarkus-app} directory (an A/B pair: a copy of the old build, then the new). With PostgreSQL started with
 * {@code -Dpanorama.devstack.postgres.settings=shared_preload_libraries=pg_stat_statements}, each measured window also
 * prints the statements that cost PostgreSQL most, per record. {@code -Dpanorama.bench.identity.hold-seconds=N} keeps
 * the stack up for N seconds after the run, for EXPLAIN on the filled store. Each window starts on freshly analysed
 * tables ({@link PgStatements#analyse}); {@code -Dpanorama.bench.identity.analyse=false} leaves that to autovacuum, as a
 * fresh database under its first load has it. {@code -Dpanorama.bench.identity.train=true} has a data steward train the
 * match model on the store after each fill.
 */
public final class IdentityApiBench {

    private static final String BENCH = "identity-api";
    private static final int WINDOW = 2_000;
    /** Whether each window starts on analysed tables (as on a running server); false leaves it to autovacuum's timing. */
    private static final boolean ANALYSE = !"false".equals(System.getProperty("panorama.bench.identity.analyse"));
    /** Whether a data steward trains the match model on the store before each window (POST /model/train). */
    private static final boolean TRAIN = Boolean.getBoolean("panorama.bench.identity.train");
    /** The service's threads by kind, as the kernel names them (the first 15 characters of a Java thread's name). */
    private static final Map<String, List<String>> SERVICE_THREADS = Map.of(
            "event loops", List.of("vert.x-eventloo"),
            "JIT compiler", JitCompiler.THREADS,
            "GC", List.of("GC Thread", "G1 ", "VM Thread"));
    /** For the readiness probe and a steward's training call; the load goes through {@link KeptAliveHttp}. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private IdentityApiBench() {
    }

    public static void main(String[] given) throws Exception {
        String[] args = BenchArguments.of(given, "\\s+");
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "10000,100000").split(",")).mapToInt(Integer::parseInt).toArray();
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        DevStack stack = DevStack.shared().ensure(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK));
        int port = Ports.free();
        PgStatements statements = new PgStatements(stack, "identity_bench");
        try (ManagedProcess service = startService(stack, port, "identity_bench", "identity-bench.log", List.of())) {
            String base = "http://127.0.0.1:" + port;
            Ports.await("identity-service", Duration.ofMinutes(5), service, () -> status(base + "/q/health/ready", null) == 200);
            ClientToken token = new ClientToken("backoffice-system");
            Load load = new Load(port, token, concurrency, Arrays.stream(sizes).max().orElse(0));
            load.run(load.baseline(500));
            int stored = 0;
            List<double[]> recordsPerSecond = new ArrayList<>();
            List<double[]> baselinePerSecond = new ArrayList<>();
            for (int size : sizes) {
                load.fill(size - WINDOW - stored);
                stored = size - WINDOW;
                if (TRAIN) {
                    System.out.printf("at %,7d stored: model trained by a data steward: %s%n", size - WINDOW, train(base));
                }
                if (ANALYSE) {
                    statements.analyse();
                }
                load.decisions();
                Batch window = load.records(WINDOW);
                statements.reset();
                CpuUse before = CpuUse.now();
                Map<String, Long> postgresBefore = postgresTicks();
                Map<String, Long> threadsBefore = serviceThreads(service.serverPid());
                Stats records = load.run(window);
                CpuUse used = CpuUse.now().since(before);
                Map<String, Long> postgresAfter = postgresTicks();
                Map<String, Long> threadsAfter = serviceThreads(service.serverPid());
                load.tally(window);
                // after the records: a burst of health checks just before them left HTTP paths compiled for GETs, and
                // in one run six methods (Netty's header parser among them) were made not entrant and compiled again in
                // the records' first 35 ms
                Stats baseline = load.run(load.baseline(WINDOW));
                stored += WINDOW;
                System.out.printf("at %,7d stored: POST records %s | baseline GET /q/health/live %s | p99 ratio x%.1f%n",
                        stored, records, baseline, records.p99() / baseline.p99());
                System.out.printf("at %,7d stored: decisions %s%n", stored, load.decisions());
                System.out.printf("at %,7d stored: CPU per record %s | load average %s%n", stored, used.perItem(WINDOW),
                        loadAverage());
                System.out.printf("at %,7d stored: postgres CPU per record by process kind %s%n", stored,
                        perRecord(postgresBefore, postgresAfter, WINDOW));
                System.out.printf("at %,7d stored: service CPU per record by thread kind %s%n", stored,
                        perRecord(threadsBefore, threadsAfter, WINDOW));
                statements.print(WINDOW);
                statements.printPlannerStatistics(List.of("source_record", "blocking_key", "customer"));
                recordsPerSecond.add(new double[] {stored, records.perSecond()});
                baselinePerSecond.add(new double[] {stored, baseline.perSecond()});
                record(stored, records, baseline);
            }
            BenchResults.series(new Series(BENCH, "throughput as the store grows", "records stored", "requests/s",
                    "POST /api/v1/identity/records", recordsPerSecond));
            BenchResults.series(new Series(BENCH, "throughput as the store grows", "records stored", "requests/s",
                    "GET /q/health/live (baseline)", baselinePerSecond));
            load.close();
            long hold = Long.getLong("panorama.bench.identity.hold-seconds", 0);
            if (hold > 0) {
                System.out.printf("holding the stack for %d s: PostgreSQL on port %d%n", hold, stack.postgres().port());
                Thread.sleep(hold * 1000);
            }
        } finally {
            DevStack.stopShared();
        }
    }

    /** The version trained, whether it was activated, and what the plausibility check found. */
    private static String train(String base) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/identity/model/train"))
                .header("Authorization", "Bearer " + KeycloakTokens.forUser("dana")).timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String body = answer.body();
        int fields = body.indexOf("\"fields\"");
        return "HTTP " + answer.statusCode() + " " + (fields > 0 ? body.substring(0, fields) : body);
    }

    private static void record(int stored, Stats records, Stats baseline) {
        String at = String.format(" at %,d stored", stored);
        BenchResults.figure(BENCH, "POST records throughput" + at, records.perSecond(), "/s", "GET /q/health/live",
                baseline.perSecond(), Figure.Better.HIGHER, ">= 1,000 records/s");
        BenchResults.figure(BENCH, "POST records p99" + at, records.p99(), "ms", "GET /q/health/live p99", baseline.p99(),
                Figure.Better.LOWER, "p99 < 20 ms at 100,000 stored");
        BenchResults.latencies(BENCH, "latency" + at, "POST /api/v1/identity/records", records.latencies());
        BenchResults.latencies(BENCH, "latency" + at, "GET /q/health/live (baseline)", baseline.latencies());
    }

    /**
     * identity-service on devstack's PostgreSQL, Kafka and Keycloak, with its own database; this tree's build or another's;
     * launched through {@code launcher} (e.g. {@link dev.panorama.bench.InstanceLimits#launcher}), or directly when it is empty.
     */
    static ManagedProcess startService(DevStack stack, int port, String database, String log, List<String> launcher) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(ServiceJvm.command());
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.log.level=WARN"));
        command.addAll(BenchArguments.serviceJvm());
        stack.quarkusConfig(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK), database)
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        String other = System.getProperty("panorama.bench.identity.app", "").strip();
        Path app = other.isEmpty() ? Path.of("..", "identity-service", "target", "quarkus-app") : Path.of(other);
        command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toAbsolutePath().normalize().toString()));
        return ManagedProcess.start("identity-service", command, Map.of(), stack.settings().logDir().resolve(log),
                ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
    }

    /**
     * CPU ticks of PostgreSQL's processes by kind, from their titles: the service's connections ("identity_bench"),
     * autovacuum, the WAL writer, the checkpointer...
     */
    private static Map<String, Long> postgresTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        ProcessHandle.current().descendants().forEach(process -> {
            String title;
            try {
                title = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
            } catch (IOException e) {
                return;
            }
            if (!title.startsWith("postgres:")) {
                return;
            }
            String kind = title.contains("identity_bench") ? "backends" : title.substring(10).split(" ")[0];
            ticks.merge(kind, ProcessCpu.used(process.pid()).toNanos(), Long::sum);
        });
        return ticks;
    }

    /**
     * CPU of the service's threads by kind: the event loops that serve requests, the JIT compiler's threads (the fill
     * before each window is its warm-up; what the compiler still does in a window shows here) and the garbage collector's.
     */
    private static Map<String, Long> serviceThreads(long pid) {
        Map<String, Long> nanos = new TreeMap<>();
        SERVICE_THREADS.forEach((kind, prefixes) -> nanos.put(kind,
                prefixes.stream().mapToLong(prefix -> ProcessCpu.threads(pid, prefix).toNanos()).sum()));
        return nanos;
    }

    private static String perRecord(Map<String, Long> before, Map<String, Long> after, int records) {
        List<String> parts = new ArrayList<>();
        after.forEach((kind, nanos) -> parts.add(String.format("%s %,.0f µs", kind, (nanos - before.getOrDefault(kind, 0L)) / 1e3 / records)));
        return String.join(" | ", parts);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
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

    /**
     * The client's access token, fetched again a minute before it expires: Keycloak issues tokens for minutes, and
     * filling a large store takes longer.
     */
    private static final class ClientToken {

        private static final Duration MARGIN = Duration.ofMinutes(1);
        private final String clientId;
        private String token;
        private Instant expiry = Instant.MIN;

        ClientToken(String clientId) {
            this.clientId = clientId;
        }

        synchronized String get() {
            if (Instant.now().plus(MARGIN).isAfter(expiry)) {
                token = KeycloakTokens.forClient(clientId);
                expiry = KeycloakTokens.expiry(token);
            }
            return token;
        }
    }

    /** Latencies of one measured window, in milliseconds, and its throughput. */
    record Stats(double perSecond, double p50, double p99, long[] latencies) {
        @Override
        public String toString() {
            return String.format("%,.0f/s p50 %.1f ms p99 %.1f ms", perSecond, p50, p99);
        }
    }

    /** A request ready to send, and for a record, its sequence and the person it carries (else 0). */
    private record Call(int record, int person, byte[] request) {
        boolean carriesRecord() {
            return record > 0;
        }
    }

    /** Requests ready to send, and the answers to its records once sent. */
    private static final class Batch {

        private final List<Call> calls;
        private final String[] answers;

        Batch(List<Call> calls) {
            this.calls = calls;
            this.answers = new String[calls.size()];
        }
    }

    /**
     * Sends batches of requests from a fixed number of concurrent clients, each on a connection of its own
     * ({@link KeptAliveHttp}). A batch's requests are drawn and written out before it is sent, and the service's answers
     * are tallied after: the CPU measured in a window goes to the service and its servers, not to making up the load.
     */
    private static final class Load {

        /** Records filled per health check among them. */
        private static final int PROBE_EVERY = 20;
        private static final String HOST = "127.0.0.1";

        private final int port;
        private final ClientToken token;
        private final int concurrency;
        private final KeptAliveHttp[] connections;
        private final Random random = new Random(7);
        private final AtomicInteger sequence = new AtomicInteger();
        private final DecisionTally decisions;

        Load(int port, ClientToken token, int concurrency, int records) {
            this.port = port;
            this.token = token;
            this.concurrency = concurrency;
            this.connections = new KeptAliveHttp[concurrency];
            for (int c = 0; c < concurrency; c++) {
                connections[c] = new KeptAliveHttp(HOST, port);
            }
            this.decisions = new DecisionTally(records);
        }

        /** The service's decisions since the last call against who each record really is. */
        String decisions() {
            return decisions.takeWindow();
        }

        /**
         * Records, with a health check among every {@link #PROBE_EVERY}, as a platform's probes come while a store fills.
         * Filled with records alone, the service's JIT compiled the shared HTTP paths (Vert.x, Netty, Mutiny, ArC) for
         * records only, and each window's health baseline made it throw those away and compile them again at the start of
         * the records' window (321 deoptimisations in its first 10 s, the compiler 160-240 µs of the service's CPU per
         * record in the window).
         */
        void fill(int count) throws Exception {
            for (int done = 0; done < count; done += WINDOW) {
                List<Call> calls = new ArrayList<>();
                for (int i = 0; i < Math.min(WINDOW, count - done); i++) {
                    if ((done + i + 1) % PROBE_EVERY == 0) {
                        calls.add(health());
                    }
                    calls.add(record());
                }
                Batch batch = new Batch(calls);
                run(batch);
                tally(batch);
            }
        }

        Batch records(int count) {
            return batchOf(count, this::record);
        }

        Batch baseline(int count) {
            return batchOf(count, this::health);
        }

        private static Batch batchOf(int count, Supplier<Call> next) {
            List<Call> calls = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                calls.add(next.get());
            }
            return new Batch(calls);
        }

        void close() throws IOException {
            for (KeptAliveHttp connection : connections) {
                connection.close();
            }
        }

        /** Counts the service's decisions on the batch's records. */
        void tally(Batch batch) {
            for (int i = 0; i < batch.calls.size(); i++) {
                Call call = batch.calls.get(i);
                if (call.carriesRecord()) {
                    decisions.answered(call.record(), call.person(), batch.answers[i]);
                }
            }
        }

        private Call record() {
            int record = sequence.incrementAndGet();
            SyntheticPeople.Drawn drawn = SyntheticPeople.draw(random, record, "bench");
            return new Call(record, drawn.person(), KeptAliveHttp.request("POST", "/api/v1/identity/records", HOST + ":" + port,
                    Map.of("Authorization", "Bearer " + token.get(), "Content-Type", "application/json"),
                    drawn.json().getBytes(StandardCharsets.UTF_8)));
        }

        private Call health() {
            return new Call(0, 0, KeptAliveHttp.request("GET", "/q/health/live", HOST + ":" + port, Map.of(), new byte[0]));
        }

        /**
         * Sends the batch's requests, each client taking the next request once it has its answer; the record answers are
         * kept in the batch.
         */
        Stats run(Batch batch) throws Exception {
            List<Call> calls = batch.calls;
            int count = calls.size();
            long[] latencies = new long[count];
            String[] answers = batch.answers;
            AtomicInteger next = new AtomicInteger();
            // daemon threads, shut down however the run ends: a failed request must not leave the JVM running
            ExecutorService clients = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().name("client-", 0).daemon().factory());
            double seconds;
            try {
                long start = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    KeptAliveHttp connection = connections[c];
                    running.add(clients.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long sent = System.nanoTime();
                            KeptAliveHttp.Answer answer = connection.exchange(calls.get(i).request());
                            latencies[i] = System.nanoTime() - sent;
                            if (answer.status() >= 300) {
                                throw new IllegalStateException("HTTP " + answer.status() + ": " + answer.text());
                            }
                            answers[i] = calls.get(i).carriesRecord() ? answer.text() : null;
                        }
                        return null;
                    }));
                }
                for (Future<?> client : running) {
                    client.get();
                }
                seconds = (System.nanoTime() - start) / 1e9;
            } finally {
                next.set(count); // the other clients stop after their current request
                clients.shutdownNow();
            }
            Arrays.sort(latencies);
            return new Stats(count / seconds, latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6, latencies);
        }
    }
}
