package dev.panorama.routing.outbox;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** A Vert.x context of its own for work started after a commit (dispatch, outbox relay), safe for reactive sessions. */
public final class RoutingContexts {

    private RoutingContexts() {
    }

    public static Context fresh(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }
}
