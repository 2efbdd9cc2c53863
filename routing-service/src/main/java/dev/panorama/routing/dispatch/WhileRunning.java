package dev.panorama.routing.dispatch;

import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Lets periodic work run only while the service runs: not before it has started, and not once it is stopping. Work
 * that finds the door shut is skipped, not queued: it must be work whose next run does what a skipped one would have
 * (a sweep takes whatever is due at its time). Stopping waits a while for the work in flight, so that it ends before
 * what it uses (the database pool) is closed under it.
 */
final class WhileRunning {

    private enum Phase { STARTING, RUNNING, STOPPING }

    private Phase phase = Phase.STARTING;
    private int inFlight;

    /** From now on work may run. */
    synchronized void started() {
        if (phase == Phase.STARTING) {
            phase = Phase.RUNNING;
        }
    }

    /** Whether work may start now; if it may, it counts as in flight until {@link #left()}. */
    synchronized boolean enter() {
        if (phase != Phase.RUNNING) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Work that entered has ended, however it ended. */
    synchronized void left() {
        inFlight--;
        notifyAll();
    }

    /** Whether the service is stopping: what work would start next (a follow-up of its own) can be left undone. */
    synchronized boolean stopping() {
        return phase == Phase.STOPPING;
    }

    /** A run that failed: a warning while the service runs, only at debug once it stops (what it used is closing). */
    void failed(Logger log, String work, Throwable failure) {
        if (stopping()) {
            log.debugf("%s failed while stopping: %s", work, failure.getMessage());
        } else {
            log.warnf("%s failed, the next run retries: %s", work, failure.getMessage());
        }
    }

    /**
     * As {@link #stop}, for the observer of the application's shutdown: waiting ends early, and quietly, if the thread
     * is interrupted.
     */
    boolean stopQuietly(Duration patience) {
        try {
            return stop(patience);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * No work starts from now on; waits up to {@code patience} for the work in flight to end, and answers whether it
     * did. Called where blocking is allowed (the thread stopping the application).
     */
    synchronized boolean stop(Duration patience) throws InterruptedException {
        phase = Phase.STOPPING;
        long deadline = System.nanoTime() + patience.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
