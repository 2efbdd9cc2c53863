package dev.panorama.devstack.mongo;

import dev.panorama.devstack.process.Classpaths;
import dev.panorama.devstack.process.Java;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServerJvmOptions;
import dev.panorama.devstack.process.StartTimeout;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A MongoDB wire-protocol server (mongo-java-server) as its own JVM, or an external MongoDB.
 *
 * <p>It has no change streams, no multi-document transactions and ignores TTL indexes; the services are written not to
 * need them. In memory (tests, benchmarks) it keeps and uses non-unique indexes as MongoDB does; with a store file
 * ({@code ./panorama up}) it ignores them.
 */
public final class MongoWireServer implements AutoCloseable {

    private static final String MAIN_CLASS = "dev.panorama.devstack.mongo.wire.MongoWireMain";
    private static final String CLASSPATH_RESOURCE = "/dev/panorama/devstack/mongo/wire/server.classpath";
    public static final String HEAP_PROPERTY = "panorama.mongo.heap";
    public static final String HEAP_VARIABLE = "PANORAMA_MONGO_HEAP";
    private static final String DEFAULT_HEAP = "1g";
    public static final String JVM_OPTIONS_PROPERTY = "panorama.mongo.jvm-options";
    public static final String JVM_OPTIONS_VARIABLE = "PANORAMA_MONGO_JVM_OPTIONS";
    private static final String DEFAULT_JVM_OPTIONS = "-XX:+UseG1GC";
    private static final ServerJvmOptions JVM_OPTIONS = new ServerJvmOptions(JVM_OPTIONS_PROPERTY, JVM_OPTIONS_VARIABLE,
            DEFAULT_JVM_OPTIONS);

    private final String connectionString;
    private final ManagedProcess process;

    private MongoWireServer(String connectionString, ManagedProcess process) {
        this.connectionString = connectionString;
        this.process = process;
    }

    public static MongoWireServer external(String connectionString) {
        return new MongoWireServer(connectionString, null);
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param storeFile where data survives restarts, or null to keep it in memory only
     */
    public static MongoWireServer start(int port, Path storeFile, Path logDir) {
        String classpath = Classpaths.rootOf(MAIN_CLASS) + File.pathSeparator
                + Classpaths.fromResource(CLASSPATH_RESOURCE, "devstack/mongo-wire");
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms64m", "-Xmx" + heap()));
        command.addAll(jvmOptions(ServerJvmOptions::setting));
        command.addAll(List.of("-cp", classpath, MAIN_CLASS, Integer.toString(port)));
        if (storeFile != null) {
            createDirectories(storeFile.getParent());
            command.add(storeFile.toString());
        }
        ManagedProcess process = ManagedProcess.start("mongo-wire", command, Map.of(), logDir.resolve("mongo.log"),
                StopSignal.TERM, Duration.ofSeconds(20));
        Ports.await("MongoDB-wire server", StartTimeout.atLeast(Duration.ofSeconds(60)), process, () -> Ports.isOpen(port));
        return new MongoWireServer("mongodb://127.0.0.1:" + port, process);
    }

    /**
     * The server's maximum heap: system property {@value #HEAP_PROPERTY} or environment variable {@value #HEAP_VARIABLE}
     * (a JVM size such as {@code 8g}), else {@value #DEFAULT_HEAP}. It holds every document and index, about 1 GB per
     * 100,000 interaction documents.
     */
    public static String heap() {
        return heap(ServerJvmOptions::setting);
    }

    /**
     * The server's garbage collector and other JVM options, space separated: system property
     * {@value #JVM_OPTIONS_PROPERTY} or environment variable {@value #JVM_OPTIONS_VARIABLE} (such as
     * {@code -XX:+UseZGC}), else {@value #DEFAULT_JVM_OPTIONS}. A heap of a million documents is marked for tens of
     * seconds, so which collector runs it shows in a benchmark's tail latencies.
     */
    static List<String> jvmOptions(UnaryOperator<String> settings) {
        return JVM_OPTIONS.from(settings);
    }

    static String heap(UnaryOperator<String> settings) {
        String configured = settings.apply(HEAP_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = settings.apply(HEAP_VARIABLE);
        }
        if (configured == null || configured.isBlank()) {
            return DEFAULT_HEAP;
        }
        if (!configured.strip().matches("[0-9]+[kKmMgG]?")) {
            throw new IllegalArgumentException(HEAP_PROPERTY + " (or " + HEAP_VARIABLE + ") must be a JVM heap size such as 8g, not "
                    + configured);
        }
        return configured.strip();
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String connectionString() {
        return connectionString;
    }

    public Map<String, String> quarkusConfig(String database) {
        return Map.of("quarkus.mongodb.connection-string", connectionString, "quarkus.mongodb.database", database);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
