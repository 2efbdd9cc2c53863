package dev.panorama.outbox;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs passes of some work one at a time: requests during a pass ask for one more pass right after it, so a burst of
 * requests costs a few passes, not one each. A pass that fails, even by throwing before it could start (a bean not
 * ready yet while the service starts), ends like any other: the next request always gets a pass. (A pass that threw
 * once left the relay marked as running for good, and the outbox was then only relayed by its 1 s schedule.)
 */
final class OnePassAtATime {

    private final Supplier<Uni<Boolean>> pass;
    private final Consumer<Runnable> executor;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    /**
     * @param pass     one pass; its item says whether more work is known to wait (then another pass follows at once)
     * @param executor where passes start (e.g. a Vert.x context of their own)
     * @param failed   told of a pass's failure
     */
    OnePassAtATime(Supplier<Uni<Boolean>> pass, Consumer<Runnable> executor, Consumer<Throwable> failed) {
        this.pass = pass;
        this.executor = executor;
        this.failed = failed;
    }

    void request() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            executor.accept(this::runPass);
        }
    }

    private void runPass() {
        requested.set(false);
        Uni.createFrom().<Boolean>deferred(pass::get).subscribe().with(this::ended, failure -> {
            failed.accept(failure);
            ended(false);
        });
    }

    private void ended(boolean moreWaiting) {
        running.set(false);
        if (moreWaiting || requested.get()) {
            request();
        }
    }
}
