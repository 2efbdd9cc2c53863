package dev.panorama.devstack.suite;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.DevStackSettings;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.Http;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import dev.panorama.devstack.process.StartTimeout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole suite on one machine: devstack's infrastructure, then every service and the gateway as its
 * own JVM, each waited for until ready. {@code ./panorama up} runs it on the fixed local ports of the
 * design doc; {@link #onFreePorts} runs it on free ports for tests of the whole suite.
 */
public final class LocalSuite implements AutoCloseable {

    private static final Duration SERVICE_START = Duration.ofMinutes(2);
    private static final int START_ATTEMPTS = 3;

    private final Path root;
    private final DevStack stack;
    private final boolean ownsStack;
    private final List<ServiceSpec> suite;
    private final List<String> extraOptions;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();

    /** The suite of {@code ./panorama up}: fixed ports, durable data under {@code <root>/.panorama/data}. */
    public LocalSuite(Path root) {
        this(root, DevStack.create(DevStackSettings.forLocalRun(root.resolve(".panorama/data"))), true, ServiceSpec.SUITE,
                List.of());
    }

    private LocalSuite(Path root, DevStack stack, boolean ownsStack, List<ServiceSpec> suite, List<String> extraOptions) {
        this.root = root;
        this.stack = stack;
        this.ownsStack = ownsStack;
        this.suite = List.copyOf(suite);
        this.extraOptions = List.copyOf(extraOptions);
    }

    /**
     * The suite on free ports over the given stack (for tests: {@code DevStack.shared()}, so
     * {@code KeycloakTokens} works against it), throw-away data, every service's log in the stack's log dir.
     *
     * @param extraOptions JVM options added to every service, e.g. {@code -Dquarkus.log.level=INFO}
     */
    public static LocalSuite onFreePorts(Path root, DevStack stack, List<String> extraOptions) {
        List<ServiceSpec> free = ServiceSpec.SUITE.stream().map(service -> service.withPort(Ports.free())).toList();
        return new LocalSuite(root, stack, false, free, extraOptions);
    }

    public LocalSuite start() {
        stack.ensure(EnumSet.allOf(Part.class));
        stack.startSeconds().forEach((part, seconds) -> startSeconds.put(part.name().toLowerCase(), seconds));
        List<CompletableFuture<Void>> starts = suite.stream()
                .map(service -> CompletableFuture.runAsync(() -> startService(service)))
                .toList();
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        return this;
    }

    private void startService(ServiceSpec service) {
        long start = System.nanoTime();
        ManagedProcess process = launch(service, service.name());
        synchronized (services) {
            services.put(service.name(), process);
        }
        startedUntilReady(service, process);
        synchronized (startSeconds) {
            startSeconds.put(service.name(), (System.nanoTime() - start) / 1e9);
        }
        System.err.printf("panorama: %s ready in %.1f s%n", service.name(), startSeconds.get(service.name()));
    }

    /**
     * Another instance of one of this suite's applications on a free port, with the same configuration: the same
     * stores and the same Kafka consumer groups, so the instances share the partitions (scale-out). It talks to the
     * suite's other applications; the gateway keeps routing to the first instance. Its log is
     * {@code <name>-<port>.log}; closing it stops it (the suite's close does too).
     */
    public ServiceInstance startInstance(String name) {
        ServiceSpec service = service(name).orElseThrow(() -> new IllegalArgumentException("no application " + name))
                .withPort(Ports.free());
        String instanceName = name + "-" + service.port();
        ManagedProcess process = launch(service, instanceName);
        synchronized (services) {
            services.put(instanceName, process);
        }
        Ports.await(name + " (another instance)", StartTimeout.atLeast(SERVICE_START), process,
                () -> Http.answers200(service.baseUrl() + "/q/health/ready"));
        return new ServiceInstance(service, process);
    }

    /** An instance started by {@link #startInstance}. */
    public record ServiceInstance(ServiceSpec service, ManagedProcess process) implements AutoCloseable {

        @Override
        public void close() {
            process.close();
        }
    }

    private ManagedProcess launch(ServiceSpec service, String logName) {
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + service.port(), "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(extraOptions);
        stack.quarkusConfig(service.parts(), service.database())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        suite.forEach(other -> command.add("-Dpanorama.services." + other.name() + ".url=" + other.baseUrl()));
        command.addAll(List.of("-jar", jar.toString()));
        return ManagedProcess.start(logName, command, Map.of(), logFile(logName), StopSignal.TERM, Duration.ofSeconds(20));
    }

    /**
     * Waits until the application is ready; one that exits during start-up (e.g. Keycloak too slow to answer its OIDC
     * discovery on a loaded machine) is started again, at most {@value #START_ATTEMPTS} times in all, as an orchestrator
     * restarts a crashed pod.
     */
    private static void startedUntilReady(ServiceSpec service, ManagedProcess process) {
        for (int attempt = 1; ; attempt++) {
            try {
                awaitReady(service, process);
                return;
            } catch (IllegalStateException failed) {
                if (process.isAlive() || attempt >= START_ATTEMPTS) {
                    throw failed;
                }
                System.err.printf("panorama: %s exited during start-up, starting it again (attempt %d of %d)%n",
                        service.name(), attempt + 1, START_ATTEMPTS);
                process.restart();
            }
        }
    }

    private static void awaitReady(ServiceSpec service, ManagedProcess process) {
        Ports.await(service.name(), StartTimeout.atLeast(SERVICE_START), process,
                () -> Http.answers200(service.baseUrl() + "/q/health/ready"));
    }

    /**
     * Kills an application as a crash would (SIGKILL to its JVM: no shutdown hooks, no clean stop of its consumers,
     * producers or connections), for fault tests.
     */
    public void kill(String serviceName) {
        process(serviceName).kill();
    }

    /** Starts a killed application again with the same command on the same port, and waits until it is ready. */
    public void restart(String serviceName) {
        ManagedProcess process = process(serviceName);
        process.restart();
        startedUntilReady(service(serviceName).orElseThrow(), process);
    }

    private ManagedProcess process(String serviceName) {
        synchronized (services) {
            ManagedProcess process = services.get(serviceName);
            if (process == null) {
                throw new IllegalArgumentException("no application " + serviceName + " in this suite");
            }
            return process;
        }
    }

    /** The application of that name as this suite runs it (its port). */
    public Optional<ServiceSpec> service(String name) {
        return suite.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** The gateway's address: the only way in for users. */
    public String gatewayUrl() {
        return service("gateway").orElseThrow().baseUrl();
    }

    /** Where each service's and each server's log is written. */
    public Path logDir() {
        return stack.settings().logDir();
    }

    public Path logFile(String serviceName) {
        return logDir().resolve(serviceName + ".log");
    }

    public DevStack stack() {
        return stack;
    }

    /** How long each part and each application took to become ready, in seconds. */
    public Map<String, Double> startSeconds() {
        synchronized (startSeconds) {
            return Map.copyOf(startSeconds);
        }
    }

    /** What a user needs to start working: addresses, demo logins, where logs and data are. */
    public String summary() {
        StringBuilder text = new StringBuilder("Panorama is up.\n\n");
        text.append(String.format("  %-22s %s%n", "agent console/gateway", gatewayUrl()));
        suite.stream().filter(s -> !s.name().equals("gateway"))
                .forEach(s -> text.append(String.format("  %-22s %s  (OpenAPI %s/q/openapi)%n", s.name(), s.baseUrl(), s.baseUrl())));
        text.append(String.format("  %-22s %s  (admin console: admin / admin)%n", "keycloak", stack.keycloak().url()));
        text.append(String.format("  %-22s %s%n", "kafka", stack.kafka().bootstrapServers()));
        text.append(String.format("  %-22s %s%n", "postgresql", "127.0.0.1:" + stack.postgres().port()
                + " (user panorama, password panorama; databases identity, routing)"));
        text.append(String.format("  %-22s %s%n", "mongodb", stack.mongo().connectionString()));
        text.append("\nDemo logins (realm panorama, password 'panorama'): alice (agent), sam (supervisor),"
                + " ada (admin), dana (data-steward), carl (customer), nora (no role).\n");
        text.append("Logs: ").append(stack.settings().logDir()).append("   Data: ").append(stack.settings().dataDir()).append('\n');
        text.append("\nReady in (s): ");
        synchronized (startSeconds) {
            startSeconds.forEach((name, seconds) -> text.append(String.format("%s %.1f  ", name, seconds)));
        }
        return text.append('\n').toString();
    }

    /** Stops every application; the infrastructure too when this suite started it (not a shared test stack). */
    @Override
    public void close() {
        synchronized (services) {
            services.values().parallelStream().forEach(ManagedProcess::close);
            services.clear();
        }
        if (ownsStack) {
            stack.close();
        }
    }
}
