package dev.panorama.routing.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

/**
 * Every routing write is one PostgreSQL transaction on one connection: the state change and its outbox events
 * commit together. Locks are taken agent before task before offer where a transaction needs several; what
 * PostgreSQL still breaks as a deadlock or serialization failure is run again from the start.
 */
@ApplicationScoped
public class Transactions {

    /** deadlock_detected, serialization_failure. */
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
    private static final int ATTEMPTS = 5;

    private final Pool pool;

    public Transactions(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.withTransaction(work)
                .onFailure(Transactions::retryable).retry().withBackOff(Duration.ofMillis(5), Duration.ofMillis(100))
                .atMost(ATTEMPTS);
    }

    /** A read outside any transaction. */
    public <T> Uni<T> read(Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(work);
    }

    static boolean retryable(Throwable failure) {
        return failure instanceof RunAgain || failure instanceof PgException pg && RETRYABLE.contains(pg.getSqlState());
    }
}
