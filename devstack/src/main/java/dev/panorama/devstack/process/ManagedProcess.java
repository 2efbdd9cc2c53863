package dev.panorama.devstack.process;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server process started under a {@link Guardian}, with its output in a log file. For fault tests it can be killed
 * like a crash ({@link #kill()}: SIGKILL to the server and everything it started) and started again with the very same
 * command, ports and data ({@link #restart()}).
 */
public final class ManagedProcess implements AutoCloseable {

    /** How the server wants to be asked to stop. */
    public enum StopSignal {
        /** SIGTERM: JVMs run their shutdown hooks. */
        TERM,
        /** SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client). */
        INT
    }

    private final String name;
    private final List<String> guarded;
    private final Map<String, String> environment;
    private final Path logFile;
    private volatile Process guardian;

    private ManagedProcess(String name, List<String> guarded, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.guarded = List.copyOf(guarded);
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
            Path logFile, StopSignal stopSignal, Duration grace) {
        List<String> guarded = new ArrayList<>(List.of(Java.executable(), "-Xmx24m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", ownClasspath(), Guardian.class.getName(),
                stopSignal.name(), Long.toString(grace.toSeconds()), "--"));
        guarded.addAll(command);
        ManagedProcess process = new ManagedProcess(name, guarded, environment, logFile);
        process.guardian = process.launch();
        return process;
    }

    private Process launch() {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(guarded)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Kills the server as a crash would: SIGKILL to it and every process it started, all at once, no shutdown hooks,
     * no clean stop; then waits until they are gone (its guardian ends with it).
     */
    public synchronized void kill() {
        Process current = guardian;
        List<ProcessHandle> tree = current.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        try {
            for (ProcessHandle process : tree) {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            current.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL", e);
        }
    }

    /** Starts the server again with the same command, environment and log (appended to); it must not be running. */
    public synchronized void restart() {
        if (guardian.isAlive()) {
            throw new IllegalStateException(name + " is still running: kill or close it first");
        }
        guardian = launch();
    }

    /** The pid of the server itself (the guardian's child), or -1 when it is not running. */
    public long serverPid() {
        return guardian.children().findFirst().map(ProcessHandle::pid).orElse(-1L);
    }

    /** Runs a short command to completion (e.g. initdb), failing with its output when it fails. */
    public static void runToCompletion(String name, List<String> command, Map<String, String> environment,
            Path logFile, Duration timeout) {
        try (ManagedProcess process = start(name, command, environment, logFile, StopSignal.TERM, Duration.ofSeconds(5))) {
            if (!process.guardian.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout + process.logTail());
            }
            if (process.guardian.exitValue() != 0) {
                throw new IllegalStateException(name + " failed with exit code " + process.guardian.exitValue()
                        + process.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        }
    }

    public boolean isAlive() {
        return guardian.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the log, to put into an error message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return "\n--- last lines of " + logFile + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return " (no log at " + logFile + ")";
        }
    }

    /** Asks the guardian to stop the server and waits until both are gone. */
    @Override
    public synchronized void close() {
        Process guardian = this.guardian;
        try (OutputStream stdin = guardian.getOutputStream()) {
            stdin.flush();
        } catch (IOException alreadyClosed) {
            // the guardian is gone already
        }
        try {
            if (!guardian.waitFor(60, TimeUnit.SECONDS)) {
                guardian.descendants().forEach(ProcessHandle::destroyForcibly);
                guardian.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + guardian.pid() + ")";
    }

    private static String ownClasspath() {
        try {
            return Path.of(Guardian.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate devstack classes", e);
        }
    }
}
