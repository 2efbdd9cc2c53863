package dev.panorama.reliability.suite;

import dev.panorama.devstack.Part;
import dev.panorama.devstack.suite.LocalSuite;
import dev.panorama.journeys.client.Caller;
import dev.panorama.journeys.client.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running suite as the fault tests reach it: the gateway with real tokens, Kafka, and the power to crash any
 * part (SIGKILL to it and its children) and start it again on the same port over the same data. Every fault is
 * recorded with its recovery time: from the kill until the part answers again (ready) after its restart.
 */
public final class Faults implements AutoCloseable {

    /** The parts the fault runs crash: every application, the Kafka broker and PostgreSQL. */
    public static final List<String> TARGETS = List.of("identity-service", "interaction-service", "routing-service",
            "profile-service", "gateway", "kafka", "postgresql");

    /** One fault: what was killed, when, how long it stayed down on purpose, and when it answered again. */
    public record Fault(String target, Instant killedAt, Duration heldDown, Duration recovery) {
    }

    private final LocalSuite suite;
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();
    private final List<Fault> injected = new ArrayList<>();

    Faults(LocalSuite suite) {
        this.suite = suite;
    }

    /** A demo user (alice agent, sam supervisor, ada admin) or a confidential client (channel-adapter, backoffice-system). */
    public Caller caller(String name) {
        return callers.computeIfAbsent(name, key -> new Caller(suite.gatewayUrl(), name.contains("-")
                ? Tokens.forClient(suite.stack().keycloak().issuer(), name)
                : Tokens.forUser(suite.stack().keycloak().issuer(), name)));
    }

    public String kafkaBootstrapServers() {
        return suite.stack().kafka().bootstrapServers();
    }

    /** Kills the part, keeps it down for {@code down} (zero: restart at once), restarts it and waits until it answers. */
    public Fault crash(String target, Duration down) {
        Instant killedAt = Instant.now();
        kill(target);
        System.out.printf("reliability: %s killed (SIGKILL)%n", target);
        sleep(down);
        restart(target);
        Fault fault = new Fault(target, killedAt, down, Duration.between(killedAt, Instant.now()));
        synchronized (injected) {
            injected.add(fault);
        }
        System.out.printf("reliability: %s answers again %.1f s after the kill%n", target, fault.recovery().toMillis() / 1e3);
        return fault;
    }

    public List<Fault> injected() {
        synchronized (injected) {
            return List.copyOf(injected);
        }
    }

    private void kill(String target) {
        switch (target) {
            case "kafka" -> suite.stack().kill(Part.KAFKA);
            case "postgresql" -> suite.stack().kill(Part.POSTGRES);
            default -> suite.kill(target);
        }
    }

    private void restart(String target) {
        switch (target) {
            case "kafka" -> suite.stack().restart(Part.KAFKA);
            case "postgresql" -> suite.stack().restart(Part.POSTGRES);
            default -> suite.restart(target);
        }
    }

    /** Waits, as a test waits for the suite: an interruption ends the test. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        callers.clear();
    }
}
