package dev.panorama.identity.imports;

import dev.panorama.kit.context.OwnContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Import work that runs beside its request (the job, its heartbeat), on a Vert.x context of its own. */
final class Detached {

    private static final Logger LOG = Logger.getLogger(Detached.class);

    private Detached() {
    }

    static void subscribe(Vertx vertx, Supplier<Uni<?>> work) {
        OwnContext.run(vertx, () -> work.get().subscribe().with(done -> { },
                failure -> LOG.warnf("import work failed: %s", failure.getClass().getSimpleName())));
    }
}
