package dev.panorama.kit.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Work a consumer must not give up while its store is unavailable: done again, after a pause growing from 200 ms to
 * 10 s, for as long as it fails because the store cannot be reached; any other failure ends it at once (and the record
 * goes to its dead-letter topic). Each attempt starts on the Vert.x context the first one started on, where Hibernate
 * Reactive needs it (Mutiny's own back-off would resume on a worker thread).
 */
public final class UntilAvailable {

    private static final Logger LOG = Logger.getLogger(UntilAvailable.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private UntilAvailable() {
    }

    /** Work on PostgreSQL. */
    public static <T> Uni<T> postgres(Supplier<Uni<? extends T>> work) {
        return retried("PostgreSQL", PostgresUnavailable::is, work);
    }

    /** Work on MongoDB. */
    public static <T> Uni<T> mongo(Supplier<Uni<? extends T>> work) {
        return retried("MongoDB", MongoUnavailable::is, work);
    }

    /**
     * @param store named in the warning logged for each failed attempt
     * @param unavailable which failures are the store's and pass by themselves
     */
    public static <T> Uni<T> retried(String store, Predicate<Throwable> unavailable, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().deferred(() -> attempt(store, unavailable, work, Vertx.currentContext(), FIRST_PAUSE, 1));
    }

    private static <T> Uni<T> attempt(String store, Predicate<Throwable> unavailable, Supplier<Uni<? extends T>> work, Context context,
            Duration pause, int attempt) {
        return Uni.createFrom().<T>deferred(work).onFailure(unavailable).recoverWithUni(failure -> {
            LOG.warnf("%s unavailable (attempt %d: %s: %s); trying again in %d ms", store, attempt, failure.getClass().getSimpleName(),
                    failure.getMessage(), pause.toMillis());
            return pause(context, pause).chain(() -> attempt(store, unavailable, work, context, longer(pause), attempt + 1));
        });
    }

    static Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
    }

    /** Completes after the pause, on the given context when there is one. */
    private static Uni<Void> pause(Context context, Duration pause) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
        }
        return Uni.createFrom().emitter(emitter -> {
            long timer = context.owner().setTimer(pause.toMillis(), fired -> context.runOnContext(ignored -> emitter.complete(null)));
            emitter.onTermination(() -> context.owner().cancelTimer(timer));
        });
    }
}
