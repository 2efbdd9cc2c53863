package dev.panorama.identity.imports;

import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Starts work on a new duplicated Vert.x context. A database session lives in its context, so work
 * that runs beside other work (a job beside its request, a heartbeat or a relay nudge beside the job's
 * rows) must have a context of its own, or it would join their session and transaction.
 */
final class OwnContext {

    private static final Logger LOG = Logger.getLogger(OwnContext.class);

    private OwnContext() {
    }

    static void subscribe(Vertx vertx, Supplier<Uni<?>> work) {
        run(vertx, () -> work.get().subscribe().with(done -> { },
                failure -> LOG.warnf("import work failed: %s", failure.getClass().getSimpleName())));
    }

    static void run(Vertx vertx, Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // a context nobody else uses is where Panache may keep a session: say so, as Quarkus does for requests
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }
}
