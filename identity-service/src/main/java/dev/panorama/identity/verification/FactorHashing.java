package dev.panorama.identity.verification;

import dev.panorama.identity.config.IdentityConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.WorkerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Argon2id hashing and checking of normalised answers on a worker pool of their own, never on the event loop: the pool
 * bounds the memory the hashes hold at once and keeps them from starving other blocking work.
 */
@ApplicationScoped
public class FactorHashing {

    private final Argon2Hasher hasher;
    private final WorkerExecutor workers;

    public FactorHashing(IdentityConfig config, Vertx vertx) {
        IdentityConfig.Argon2 argon2 = config.verification().argon2();
        this.hasher = new Argon2Hasher(new Argon2Hasher.Parameters(argon2.memoryKib(), argon2.iterations(), argon2.parallelism()));
        this.workers = vertx.createSharedWorkerExecutor("verification-hashing",
                argon2.threads().orElse(Runtime.getRuntime().availableProcessors()));
    }

    public Uni<Map<Factor, String>> hash(Map<Factor, String> answers) {
        return offTheEventLoop(() -> {
            Map<Factor, String> hashes = new EnumMap<>(Factor.class);
            answers.forEach((factor, answer) -> hashes.put(factor, hasher.hash(answer)));
            return hashes;
        });
    }

    /** Which answers match their stored hash; an answer to a factor without one does not, after the same work. */
    public Uni<Map<Factor, Boolean>> check(Map<Factor, String> answers, Map<Factor, String> hashes) {
        return offTheEventLoop(() -> {
            Map<Factor, Boolean> matched = new EnumMap<>(Factor.class);
            answers.forEach((factor, answer) -> matched.put(factor, matches(hashes.get(factor), answer)));
            return matched;
        });
    }

    private boolean matches(String hash, String answer) {
        if (hash == null) {
            hasher.spendOneCheck(answer);
            return false;
        }
        return hasher.verify(hash, answer);
    }

    @PreDestroy
    void close() {
        workers.closeAndForget();
    }

    /** Unordered: attempts on different customers need not queue behind each other. */
    private <T> Uni<T> offTheEventLoop(Supplier<T> work) {
        return workers.executeBlocking(Uni.createFrom().item(work), false);
    }
}
