package dev.panorama.outbox;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs passes of some work one at a time: requests during a pass ask for one more pass right after it, so a burst of
 * requests costs a few passes, not one each. A pass that fails, even by throwing before it could start (a bean not
 * ready yet while the service starts), ends like any other: the next request always gets a pass. (A pass that threw
 * once left the relay marked as running for good, and the outbox was then only relayed by its 1 s schedule.)
 *
 * <p>With a spacing, passes start at least that far apart (a request soon after a pass started waits for the rest of it):
 * under a steady stream of requests, passes are fewer and each serves more of them. A pass that knows more work waits
 * is still followed at once.
 */
final class OnePassAtATime {

    private final Supplier<Uni<Boolean>> pass;
    private final Consumer<Runnable> executor;
    private final BiConsumer<Duration, Runnable> later;
    private final Duration spacing;
    private final LongSupplier nanoTime;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long lastStart;

    /**
     * @param pass     one pass; its item says whether more work is known to wait (then another pass follows at once)
     * @param executor where passes start (e.g. a Vert.x context of their own)
     * @param failed   told of a pass's failure
     */
    OnePassAtATime(Supplier<Uni<Boolean>> pass, Consumer<Runnable> executor, Consumer<Throwable> failed) {
        this(pass, executor, (delay, start) -> executor.accept(start), Duration.ZERO, System::nanoTime, failed);
    }

    /**
     * @param later    starts a pass after a delay, where {@code executor} would start it
     * @param spacing  the least time from one pass's start to the next's when the next was asked for during it
     * @param nanoTime the clock the spacing is measured on
     */
    OnePassAtATime(Supplier<Uni<Boolean>> pass, Consumer<Runnable> executor, BiConsumer<Duration, Runnable> later,
            Duration spacing, LongSupplier nanoTime, Consumer<Throwable> failed) {
        this.pass = pass;
        this.executor = executor;
        this.later = later;
        this.spacing = spacing;
        this.nanoTime = nanoTime;
        this.failed = failed;
        this.lastStart = nanoTime.getAsLong() - spacing.toNanos();
    }

    void request() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            start();
        }
    }

    private void start() {
        long wait = spacing.toNanos() - (nanoTime.getAsLong() - lastStart);
        if (wait > 0) {
            later.accept(Duration.ofNanos(wait), this::runPass);
        } else {
            executor.accept(this::runPass);
        }
    }

    private void runPass() {
        requested.set(false);
        lastStart = nanoTime.getAsLong();
        Uni.createFrom().<Boolean>deferred(pass::get).subscribe().with(this::ended, failure -> {
            failed.accept(failure);
            ended(false);
        });
    }

    private void ended(boolean moreWaiting) {
        if (moreWaiting) {
            executor.accept(this::runPass);
            return;
        }
        running.set(false);
        if (requested.get()) {
            request();
        }
    }
}
