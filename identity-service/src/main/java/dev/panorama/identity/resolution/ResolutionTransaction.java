package dev.panorama.identity.resolution;

import dev.panorama.identity.resolution.persistence.IdentityStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A resolution's transaction, in a session of its own. Its BEGIN goes out with the resolution's first statements
 * ({@link IdentityStore#begin}) instead of a round trip ahead of them, as a Hibernate Reactive transaction waits for
 * it. Entities the resolution changed (a review item, a merge) are flushed before the commit.
 *
 * <p>Once started, the transaction runs to its commit or rollback even if its caller goes away (a client that hung up,
 * a gateway that timed out, a consumer stopping): cancelled half-way, a {@code Panache.withTransaction} kept its keys'
 * locks for longer than {@code ResolutionTransactionTest} waits (30 s), and every resolution sharing a key waited too.
 */
@ApplicationScoped
class ResolutionTransaction {

    private final IdentityStore store;

    ResolutionTransaction(IdentityStore store) {
        this.store = store;
    }

    <T> Uni<T> run(Supplier<Uni<T>> work) {
        Uni<T> transaction = Panache.withSession(() -> Panache.getSession().chain(session -> inTransaction(session, work)));
        return Uni.createFrom().emitter(caller -> transaction.subscribe().with(caller::complete, caller::fail));
    }

    private <T> Uni<T> inTransaction(Mutiny.Session session, Supplier<Uni<T>> work) {
        Uni<Void> begun = store.begin(session);
        return Uni.createFrom().<T>deferred(work::get)
                .call(() -> begun)
                .call(session::flush)
                .call(() -> store.commit(session))
                .onFailure().call(() -> rolledBack(session));
    }

    /** A connection that broke has ended the transaction with it: a failed rollback changes nothing. */
    private Uni<Void> rolledBack(Mutiny.Session session) {
        return store.rollback(session).onFailure().recoverWithNull();
    }
}
