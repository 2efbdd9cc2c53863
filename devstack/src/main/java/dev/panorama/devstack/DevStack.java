package dev.panorama.devstack;

import dev.panorama.devstack.kafka.KafkaBroker;
import dev.panorama.devstack.keycloak.KeycloakServer;
import dev.panorama.devstack.mongo.MongoWireServer;
import dev.panorama.devstack.postgres.PostgresServer;
import dev.panorama.devstack.process.Directories;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.Restartable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Real infrastructure for tests and local runs: PostgreSQL, Kafka, a MongoDB-wire server and
 * Keycloak, started in parallel, each replaceable by an external server through its environment
 * variable (see {@link Part}).
 */
public final class DevStack implements AutoCloseable {

    private static DevStack shared;

    private final DevStackSettings settings;
    private final UnaryOperator<String> environment;
    private final Map<Part, AutoCloseable> running = Collections.synchronizedMap(new EnumMap<>(Part.class));
    private final Map<Part, Double> startSeconds = Collections.synchronizedMap(new EnumMap<>(Part.class));

    private DevStack(DevStackSettings settings, UnaryOperator<String> environment) {
        this.settings = settings;
        this.environment = environment;
    }

    public static DevStack create(DevStackSettings settings) {
        return new DevStack(settings, System::getenv);
    }

    /** A stack that reads the external-server variables from the given environment instead of the process's. */
    public static DevStack create(DevStackSettings settings, UnaryOperator<String> environment) {
        return new DevStack(settings, environment);
    }

    /**
     * The stack of this JVM, shared by every test class: each part starts once, on first request,
     * and everything stops when its users are done or, at the latest, when the JVM exits.
     */
    public static synchronized DevStack shared() {
        if (shared == null) {
            DevStack stack = create(DevStackSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(DevStack::stopShared, "devstack-stop"));
            shared = stack;
        }
        return shared;
    }

    /**
     * Stops the shared stack once its users are done (Quarkus calls this after stopping the application,
     * so no client sees its servers vanish). A later {@link #shared()} starts a fresh one.
     */
    public static synchronized void stopShared() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    /** Starts, in parallel, the requested parts that are not running yet, and waits until each answers. */
    public synchronized DevStack ensure(Set<Part> parts) {
        List<Part> missing = parts.stream().filter(part -> !running.containsKey(part)).sorted().toList();
        if (missing.isEmpty()) {
            return this;
        }
        ExecutorService executor = Executors.newFixedThreadPool(missing.size());
        try {
            List<CompletableFuture<Void>> starts = missing.stream()
                    .map(part -> CompletableFuture.runAsync(() -> startTimed(part), executor))
                    .toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        } finally {
            executor.shutdown();
        }
        return this;
    }

    private void startTimed(Part part) {
        long start = System.nanoTime();
        running.put(part, startRetryingOnTakenPort(part));
        double seconds = (System.nanoTime() - start) / 1e9;
        startSeconds.put(part, seconds);
        System.err.printf("devstack: %s ready in %.1f s%n", part.name().toLowerCase(), seconds);
    }

    /**
     * A free port is chosen seconds before the server binds it; another process on the machine may take it meanwhile.
     * On free ports the data is throw-away, so the part starts once more, afresh, on other ports.
     */
    private AutoCloseable startRetryingOnTakenPort(Part part) {
        try {
            return start(part);
        } catch (IllegalStateException e) {
            if (settings.fixedPorts() || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw e;
            }
            System.err.printf("devstack: another process took a port of %s; starting it again on other ports%n",
                    part.name().toLowerCase());
            Directories.deleteRecursively(dataDir(part));
            return start(part);
        }
    }

    private Path dataDir(Part part) {
        return settings.dataDir().resolve(part.name().toLowerCase());
    }

    private AutoCloseable start(Part part) {
        String external = environment.apply(part.externalVariable());
        if (external != null && !external.isBlank()) {
            return external(part, external.trim());
        }
        Path dir = dataDir(part);
        Path logs = settings.logDir();
        return switch (part) {
            case POSTGRES -> PostgresServer.start(settings.cacheDir(), settings.postgresVersion(), dir, logs,
                    port(DevStackSettings.POSTGRES_PORT), settings.durable());
            case KAFKA -> KafkaBroker.start(dir, logs, port(DevStackSettings.KAFKA_PORT),
                    port(DevStackSettings.KAFKA_CONTROLLER_PORT));
            case MONGO -> MongoWireServer.start(port(DevStackSettings.MONGO_PORT),
                    settings.durable() ? dir.resolve("mongo.mv") : null, logs);
            case KEYCLOAK -> KeycloakServer.start(settings.keycloakDistribution(), dir, logs,
                    port(DevStackSettings.KEYCLOAK_PORT), port(DevStackSettings.KEYCLOAK_MANAGEMENT_PORT));
        };
    }

    private AutoCloseable external(Part part, String address) {
        return switch (part) {
            case POSTGRES -> PostgresServer.external(address,
                    envOr("PANORAMA_POSTGRES_USER", PostgresServer.DEFAULT_USER),
                    envOr("PANORAMA_POSTGRES_PASSWORD", PostgresServer.DEFAULT_PASSWORD));
            case KAFKA -> KafkaBroker.external(address);
            case MONGO -> MongoWireServer.external(address);
            case KEYCLOAK -> KeycloakServer.external(address);
        };
    }

    private int port(int fixed) {
        if (!settings.fixedPorts()) {
            return Ports.free();
        }
        if (Ports.isOpen(fixed)) {
            throw new IllegalStateException("port " + fixed + " on 127.0.0.1 is taken: is Panorama already up"
                    + " (./panorama down), or does another server use it?");
        }
        return fixed;
    }

    private String envOr(String variable, String fallback) {
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The Quarkus configuration that points a service at the given parts.
     *
     * @param database the service's PostgreSQL database and MongoDB database name
     */
    public Map<String, String> quarkusConfig(Set<Part> parts, String database) {
        ensure(parts);
        Map<String, String> config = new HashMap<>();
        for (Part part : parts) {
            config.putAll(switch (part) {
                case POSTGRES -> postgres().quarkusConfig(database);
                case KAFKA -> kafka().quarkusConfig();
                case MONGO -> mongo().quarkusConfig(database);
                case KEYCLOAK -> keycloak().quarkusConfig();
            });
        }
        return config;
    }

    public PostgresServer postgres() {
        return get(Part.POSTGRES, PostgresServer.class);
    }

    public KafkaBroker kafka() {
        return get(Part.KAFKA, KafkaBroker.class);
    }

    public MongoWireServer mongo() {
        return get(Part.MONGO, MongoWireServer.class);
    }

    public KeycloakServer keycloak() {
        return get(Part.KEYCLOAK, KeycloakServer.class);
    }

    /**
     * Kills a running part as a crash would (SIGKILL to the server and its children) for fault tests; its data stays.
     * Only parts whose data survives a restart can be killed: PostgreSQL and Kafka.
     */
    public void kill(Part part) {
        restartable(part).kill();
    }

    /** Starts a killed part again on its port over its data, and waits until it answers. */
    public void restart(Part part) {
        restartable(part).restart();
    }

    private Restartable restartable(Part part) {
        AutoCloseable server = running.get(part);
        if (!(server instanceof Restartable restartable)) {
            throw new IllegalArgumentException(part + " is not running here or cannot be restarted with its data"
                    + " (the MongoDB-wire server keeps its data in memory in tests; Keycloak re-imports its realm)");
        }
        return restartable;
    }

    /** How long each part took to become ready, for reports. */
    public Map<Part, Double> startSeconds() {
        return Map.copyOf(startSeconds);
    }

    public DevStackSettings settings() {
        return settings;
    }

    private <T> T get(Part part, Class<T> type) {
        ensure(EnumSet.of(part));
        return type.cast(running.get(part));
    }

    /** Stops every part (Keycloak and Kafka first, PostgreSQL last); throw-away data is deleted. */
    @Override
    public synchronized void close() {
        List<Part> parts = new ArrayList<>(running.keySet());
        parts.sort(Comparator.reverseOrder());
        parts.parallelStream().forEach(part -> stopQuietly(part, running.remove(part)));
        if (!settings.durable()) {
            Directories.deleteRecursively(settings.dataDir());
        }
    }

    private static void stopQuietly(Part part, AutoCloseable server) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            System.err.println("devstack: stopping " + part + " failed: " + e);
        }
    }
}
