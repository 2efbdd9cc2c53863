package dev.panorama.bench;

import java.util.concurrent.locks.LockSupport;

/** Sending at a fixed rate: each request, task or step waits for its own time, whatever the earlier ones did. */
public final class Pacing {

    private Pacing() {
    }

    /** Parks until the given {@link System#nanoTime()}; returns at once when it has passed. */
    public static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
