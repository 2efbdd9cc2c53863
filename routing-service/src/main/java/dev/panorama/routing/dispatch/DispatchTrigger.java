package dev.panorama.routing.dispatch;

import dev.panorama.routing.outbox.RoutingContexts;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs a dispatch pass right after something made routing possible (a task queued, an agent available, an offer
 * closed), at most one pass at a time in this replica; a request during a pass runs one more pass after it.
 */
@ApplicationScoped
public class DispatchTrigger {

    private static final Logger LOG = Logger.getLogger(DispatchTrigger.class);

    private final Dispatcher dispatcher;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public DispatchTrigger(Dispatcher dispatcher, Vertx vertx) {
        this.dispatcher = dispatcher;
        this.vertx = vertx;
    }

    public void soon() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            RoutingContexts.fresh(vertx).runOnContext(ignored -> runPass());
        }
    }

    private void runPass() {
        requested.set(false);
        dispatcher.dispatch().subscribe().with(offered -> passEnded(), this::passFailed);
    }

    private void passFailed(Throwable failure) {
        LOG.warnf("Dispatch pass failed, the next tick retries: %s", failure.getMessage());
        running.set(false);
    }

    private void passEnded() {
        running.set(false);
        if (requested.get()) {
            soon();
        }
    }
}
