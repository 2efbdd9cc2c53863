package dev.panorama.devstack.suite;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.DevStackSettings;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.Http;
import dev.panorama.devstack.process.Java;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole suite on one machine: devstack's infrastructure on the fixed local ports, then every
 * service and the gateway as its own JVM, each waited for until ready.
 */
public final class LocalSuite implements AutoCloseable {

    private final Path root;
    private final DevStack stack;
    private final List<ManagedProcess> services = new ArrayList<>();
    private final Map<String, Double> startSeconds = new LinkedHashMap<>();

    public LocalSuite(Path root) {
        this.root = root;
        this.stack = DevStack.create(DevStackSettings.forLocalRun(root.resolve(".panorama/data")));
    }

    public LocalSuite start() {
        stack.ensure(EnumSet.allOf(Part.class));
        stack.startSeconds().forEach((part, seconds) -> startSeconds.put(part.name().toLowerCase(), seconds));
        List<CompletableFuture<Void>> starts = ServiceSpec.SUITE.stream()
                .map(service -> CompletableFuture.runAsync(() -> startService(service)))
                .toList();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        return this;
    }

    private void startService(ServiceSpec service) {
        long start = System.nanoTime();
        Path jar = root.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + service.port(), "-Dquarkus.http.host=127.0.0.1"));
        stack.quarkusConfig(service.parts(), service.database())
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        ServiceSpec.SUITE.forEach(other -> command.add("-Dpanorama.services." + other.name() + ".url=" + other.baseUrl()));
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess process = ManagedProcess.start(service.name(), command, Map.of(),
                stack.settings().logDir().resolve(service.name() + ".log"), StopSignal.TERM, Duration.ofSeconds(20));
        synchronized (services) {
            services.add(process);
        }
        Ports.await(service.name(), Duration.ofMinutes(2), process, () -> Http.answers200(service.baseUrl() + "/q/health/ready"));
        synchronized (startSeconds) {
            startSeconds.put(service.name(), (System.nanoTime() - start) / 1e9);
        }
        System.err.printf("panorama: %s ready in %.1f s%n", service.name(), startSeconds.get(service.name()));
    }

    /** What a user needs to start working: addresses, demo logins, where logs and data are. */
    public String summary() {
        StringBuilder text = new StringBuilder("Panorama is up.\n\n");
        text.append(String.format("  %-22s %s%n", "agent console/gateway", "http://127.0.0.1:8080"));
        ServiceSpec.SUITE.stream().filter(s -> !s.name().equals("gateway"))
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
        startSeconds.forEach((name, seconds) -> text.append(String.format("%s %.1f  ", name, seconds)));
        return text.append('\n').toString();
    }

    @Override
    public void close() {
        synchronized (services) {
            services.parallelStream().forEach(ManagedProcess::close);
            services.clear();
        }
        stack.close();
    }
}
