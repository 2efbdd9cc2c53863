package dev.panorama.kit.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Starts work on a new duplicated Vert.x context. A reactive database session lives in its context, so work that
 * runs beside other work (a relay pass after a commit, a dispatch round, an import job beside its request) must have
 * a context of its own, or it would join their session and transaction.
 */
public final class OwnContext {

    private OwnContext() {
    }

    public static void run(Vertx vertx, Runnable work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // a context nobody else uses is where a session may be kept: say so, as Quarkus does for requests
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> work.run());
    }
}
