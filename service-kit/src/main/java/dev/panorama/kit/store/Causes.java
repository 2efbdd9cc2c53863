package dev.panorama.kit.store;

import io.smallrye.mutiny.CompositeException;
import java.util.function.Predicate;

/** Whether a failure or anything it wraps (causes, and every failure a Mutiny {@link CompositeException} holds) is of a kind. */
final class Causes {

    private static final int DEPTH = 32;

    private Causes() {
    }

    static boolean any(Throwable failure, Predicate<Throwable> kind) {
        return any(failure, kind, 0);
    }

    private static boolean any(Throwable failure, Predicate<Throwable> kind, int depth) {
        for (Throwable cause = failure; cause != null && depth < DEPTH; cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
            if (kind.test(cause)) {
                return true;
            }
            if (cause instanceof CompositeException composite) {
                for (Throwable each : composite.getCauses()) {
                    if (each != cause && any(each, kind, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
