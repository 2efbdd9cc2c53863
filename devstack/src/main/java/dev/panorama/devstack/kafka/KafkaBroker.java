package dev.panorama.devstack.kafka;

import dev.panorama.devstack.process.Classpaths;
import dev.panorama.devstack.process.Java;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.ManagedProcess.StopSignal;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.Restartable;
import dev.panorama.devstack.process.ServerJvmOptions;
import dev.panorama.devstack.process.StartTimeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** A single-node Apache Kafka broker in KRaft mode, run as its own JVM, or an external cluster. */
public final class KafkaBroker implements AutoCloseable, Restartable {

    private static final String CLASSPATH_RESOURCE = "/dev/panorama/devstack/kafka/broker.classpath";
    public static final String JVM_OPTIONS_PROPERTY = "panorama.kafka.jvm-options";
    public static final String JVM_OPTIONS_VARIABLE = "PANORAMA_KAFKA_JVM_OPTIONS";
    /** The storage tool's, and the broker's unless configured: C1 alone, as a short run compiles little worth C2's time. */
    private static final String QUICK_START = "-XX:+UseG1GC -XX:TieredStopAtLevel=1";
    private static final ServerJvmOptions JVM_OPTIONS = new ServerJvmOptions(JVM_OPTIONS_PROPERTY, JVM_OPTIONS_VARIABLE,
            QUICK_START);

    private final String bootstrapServers;
    private final ManagedProcess process;

    private KafkaBroker(String bootstrapServers, ManagedProcess process) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
    }

    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(bootstrapServers, null);
    }

    /** Formats the storage on first use, then starts the broker on 127.0.0.1 and waits until it answers. */
    public static KafkaBroker start(Path dataDir, Path logDir, int port, int controllerPort) {
        Path config = writeConfig(dataDir, port, controllerPort);
        Path logConfig = writeLogConfig(dataDir);
        if (!Files.exists(dataDir.resolve("log/meta.properties"))) {
            ManagedProcess.runToCompletion("kafka-storage-format",
                    javaCommand(logConfig, List.of(QUICK_START.split(" ")), "kafka.tools.StorageTool", "format",
                            "--ignore-formatted", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                    Map.of(), logDir.resolve("kafka-format.log"), StartTimeout.atLeast(Duration.ofMinutes(1)));
        }
        ManagedProcess process = ManagedProcess.start("kafka",
                javaCommand(logConfig, jvmOptions(ServerJvmOptions::setting), "kafka.Kafka", config.toString()), Map.of(),
                logDir.resolve("kafka.log"), StopSignal.TERM, Duration.ofSeconds(30));
        KafkaBroker broker = new KafkaBroker("127.0.0.1:" + port, process);
        broker.awaitReady();
        return broker;
    }

    private void awaitReady() {
        int port = Integer.parseInt(bootstrapServers.substring(bootstrapServers.lastIndexOf(':') + 1));
        // the port first, so the admin client does not log every refused connection while the JVM boots
        Ports.await("Kafka", StartTimeout.atLeast(Duration.ofSeconds(90)), process, () -> Ports.isOpen(port) && answers());
    }

    @Override
    public void kill() {
        managed().kill();
    }

    /** Starts the broker again on its ports over its log directory (recovering it as after a crash). */
    @Override
    public void restart() {
        managed().restart();
        awaitReady();
    }

    private ManagedProcess managed() {
        if (process == null) {
            throw new IllegalStateException("an external Kafka cannot be killed or restarted by devstack");
        }
        return process;
    }

    /**
     * The broker's garbage collector, JIT and other JVM options, space separated: system property
     * {@value #JVM_OPTIONS_PROPERTY} or environment variable {@value #JVM_OPTIONS_VARIABLE}, else {@value #QUICK_START}.
     */
    static List<String> jvmOptions(UnaryOperator<String> settings) {
        return JVM_OPTIONS.from(settings);
    }

    private static List<String> javaCommand(Path logConfig, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xms128m", "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + logConfig, "-cp", brokerClasspath(),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) {
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1",
                "");
        return write(dataDir.resolve("server.properties"), config);
    }

    private static Path writeLogConfig(Path dataDir) {
        String config = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.console.ref = console",
                "logger.kafka.name = kafka",
                "logger.kafka.level = warn",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = warn",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "");
        return write(dataDir.resolve("log4j2.properties"), config);
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String brokerClasspath() {
        return Classpaths.fromResource(CLASSPATH_RESOURCE, "devstack/kafka-broker");
    }

    private boolean answers() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Map<String, String> quarkusConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
