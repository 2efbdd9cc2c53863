package dev.panorama.interaction.log;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Hands a result computed on a driver thread back to the Vert.x context that asked for it (the request's), as the
 * Quarkus MongoDB wrapper does, but once for a whole page instead of once per document.
 */
final class OnCallerContext {

    private OnCallerContext() {
    }

    static <T> Uni<T> once(Uni<T> result) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            return caller == null ? result : result.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
