package dev.panorama.routing.scale;

import dev.panorama.devstack.DevStack;
import dev.panorama.devstack.Part;
import dev.panorama.devstack.process.ManagedProcess;
import dev.panorama.devstack.process.Ports;
import dev.panorama.devstack.process.ServiceJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One routing-service process started from the packaged {@code quarkus-run.jar}, and calls to its REST API. */
final class RoutingInstance implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final ManagedProcess process;
    private final String base;
    private final Supplier<String> token;

    private RoutingInstance(String name, ManagedProcess process, int port, Supplier<String> token) {
        this.name = name;
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** Starts an instance on the given database; {@link #awaitReady()} waits until it answers. */
    static RoutingInstance start(String name, DevStack stack, String database, Map<String, String> settings, Supplier<String> token) {
        int port = Ports.free();
        List<String> command = ServiceJvm.command();
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.log.level=WARN"));
        stack.quarkusConfig(EnumSet.of(Part.POSTGRES, Part.KAFKA, Part.KEYCLOAK), database)
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString()));
        ManagedProcess process = ManagedProcess.start(name, command, Map.of(),
                stack.settings().logDir().resolve(name + ".log"), ManagedProcess.StopSignal.TERM, Duration.ofSeconds(20));
        return new RoutingInstance(name, process, port, token);
    }

    void awaitReady() {
        Ports.await(name, Duration.ofMinutes(3), process, () -> call("GET", "/q/health/ready", null).status() == 200);
    }

    /** An answer: the status and the body. */
    record Answer(int status, String body) {
    }

    Answer call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted");
        }
    }

    String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return name;
    }
}
