package dev.panorama.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/** Loopback ports and waiting for servers to come up. */
public final class Ports {

    private Ports() {
    }

    /** The lowest port {@link #free()} hands out: above the registered services most machines run. */
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /**
     * Every port this JVM handed out. Parts start in parallel and bind their ports seconds after choosing them
     * (Kafka its broker and controller port, Keycloak two): without this, two of them could be given the same
     * still-unbound port, and the later one fails with "Address already in use".
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port free on 127.0.0.1 right now, below the kernel's ephemeral range, and never handed out before by this JVM.
     * A server binds its port seconds after it was chosen (Keycloak some 20 s later on a busy machine); a port of the
     * ephemeral range may by then be the local end of some process's outgoing connection, and the server fails with
     * "Address already in use".
     */
    public static int free() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; below > LOWEST && attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && canBind(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        return anyFree();
    }

    /** Read line by line: procfs files report a size of 0, and a read of the whole file may stop short. */
    static int ephemeralRangeStart() {
        try {
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768; // Linux's default
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Polls until the condition holds, the process dies, or the timeout passes. */
    public static void await(String what, Duration timeout, ManagedProcess process, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited before it was ready" + process.logTail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " not ready within " + timeout
                        + (process == null ? "" : process.logTail()));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
