package dev.panorama.devstack.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one infrastructure server as its child and stops it when its own standard input closes.
 *
 * <p>devstack starts every server through a guardian and holds the write end of the guardian's
 * standard input. A clean stop closes it; a crashed or killed test JVM closes it too, because the
 * operating system closes the pipe of a dead process. Either way the server is stopped, so no
 * orphan JVM or postgres survives a test run.
 *
 * <p>Usage: {@code Guardian <TERM|INT> <graceSeconds> -- command...}
 */
public final class Guardian {

    private Guardian() {
    }

    public static void main(String[] args) throws Exception {
        String signal = args[0];
        long graceSeconds = Long.parseLong(args[1]);
        List<String> command = Arrays.asList(args).subList(3, args.length);

        Process child = new ProcessBuilder(command).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start();
        Thread exitFollower = Thread.ofPlatform().daemon().start(() -> exitWith(child));
        waitForEndOfInput(System.in);
        exitFollower.interrupt();
        stop(child, signal, graceSeconds);
        System.exit(0);
    }

    private static void exitWith(Process child) {
        try {
            System.exit(child.waitFor());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // nothing to read: the pipe only signals the owner's presence
            }
        } catch (IOException closed) {
            // a broken pipe means the owner is gone, which is the signal to stop
        }
    }

    private static void stop(Process child, String signal, long graceSeconds) throws InterruptedException {
        if (!child.isAlive()) {
            return;
        }
        sendSignal(child, signal);
        if (!child.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            child.descendants().forEach(ProcessHandle::destroyForcibly);
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void sendSignal(Process child, String signal) {
        if ("TERM".equals(signal)) {
            child.descendants().forEach(ProcessHandle::destroy);
            child.destroy();
            return;
        }
        try {
            new ProcessBuilder("kill", "-s", signal, Long.toString(child.pid())).inheritIO().start().waitFor();
        } catch (IOException | InterruptedException e) {
            child.destroy();
        }
    }
}
